import stringWidth from "string-width";

// Loaded only for tables and feeds: string-width builds its lookup tables when imported, which a
// command printing JSON never needs.

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** How many terminal columns `text` takes (East Asian wide characters take two, combining marks none). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** `text` cut to at most `width` columns, ending in `…` when something was cut; never splits a character. */
export function clip(text: string, width: number): string {
  if (width <= 0) return "";
  if (stringWidth(text) <= width) return text;
  let out = "";
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** `text` clipped to `width` columns and padded with spaces to exactly that width. */
export function fit(text: string, width: number): string {
  const clipped = clip(text, width);
  return clipped + " ".repeat(Math.max(0, width - stringWidth(clipped)));
}
