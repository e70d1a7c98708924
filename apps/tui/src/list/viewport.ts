/**
 * The first visible row of a window of `height` rows over `count` rows, so that `cursor` stays
 * in view and the window moves as little as possible from `previousTop` (the list scrolls only
 * when the cursor reaches an edge, as in k9s).
 */
export function windowTop(previousTop: number, cursor: number, height: number, count: number): number {
  if (height <= 0 || count <= height) return 0;
  let top = Math.min(Math.max(0, previousTop), count - height);
  if (cursor < top) top = cursor;
  else if (cursor >= top + height) top = cursor - height + 1;
  return Math.max(0, Math.min(top, count - height));
}

/** The rows of the screen a layout has to share, after the tab bar, message line and status bar. */
export const CHROME_ROWS = 3;

/** How wide the detail pane beside a list is at this terminal width; 0 hides it (Enter still opens the detail). */
export function detailWidth(columns: number): number {
  if (columns >= 140) return 56;
  if (columns >= 110) return 42;
  if (columns >= 90) return 34;
  return 0;
}
