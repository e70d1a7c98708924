import type { Paint, Style } from "./colour.ts";
import { clip, displayWidth, fit, sanitize } from "./sanitize.ts";

/** One column of a list: its header, what each item shows in it, and how it is styled. */
export type Column<T> = {
  readonly header: string;
  readonly cell: (item: T) => string | number | boolean | undefined | null;
  /** Gives up width first when the terminal is too narrow (names, descriptions). */
  readonly flex?: boolean;
  readonly style?: (item: T) => Style | undefined;
};

const GAP = 2;
const MIN_FLEX = 8;

/**
 * Items as an aligned table with a header, every cell sanitised and the whole clipped by display
 * width to `width` columns (when given): flexible columns shrink first, then lines are cut.
 */
export function renderTable<T>(
  columns: readonly Column<T>[],
  items: readonly T[],
  options: { width: number | undefined; paint: Paint },
): string[] {
  const cells = items.map((item) => columns.map((column) => sanitize(column.cell(item))));
  const widths = columns.map((column, i) =>
    Math.max(displayWidth(column.header), ...cells.map((row) => displayWidth(row[i] as string))),
  );
  if (options.width !== undefined) shrink(widths, columns, options.width);
  const line = (texts: readonly string[], style: (i: number) => Style | undefined) =>
    texts
      .map((text, i) => {
        const last = i === texts.length - 1;
        const shown = last ? clip(text, widths[i] as number) : fit(text, widths[i] as number);
        return options.paint(style(i), shown);
      })
      .join(" ".repeat(GAP))
      .trimEnd();
  const header = line(
    columns.map((column) => column.header),
    () => "bold",
  );
  const rows = cells.map((row, r) => line(row, (i) => columns[i]?.style?.(items[r] as T)));
  return [header, ...rows];
}

// Takes columns away from the flexible columns, widest first, down to MIN_FLEX each; whatever
// still does not fit is cut from the last columns.
function shrink<T>(widths: number[], columns: readonly Column<T>[], width: number): void {
  const total = () => widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1);
  while (total() > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (!columns[i]?.flex || (widths[i] as number) <= MIN_FLEX) continue;
      if (widest === -1 || (widths[i] as number) > (widths[widest] as number)) widest = i;
    }
    if (widest === -1) break;
    widths[widest] = (widths[widest] as number) - 1;
  }
  for (let i = widths.length - 1; i > 0 && total() > width; i--) {
    widths[i] = Math.max(1, (widths[i] as number) - (total() - width));
  }
}

/** Items as tab-separated lines without a header, for `cut`, `awk` and `while read`: what a pipe gets. */
export function renderTabSeparated<T>(columns: readonly Column<T>[], items: readonly T[]): string[] {
  return items.map((item) => columns.map((column) => sanitize(column.cell(item))).join("\t"));
}

/** One item as `label  value` lines, labels aligned, values sanitised and clipped to `width`. */
export function renderFields(
  fields: readonly (readonly [string, string | number | boolean | undefined | null, Style?])[],
  options: { width: number | undefined; paint: Paint; separator?: string },
): string[] {
  const shown = fields.filter(([, value]) => value !== undefined && value !== null && value !== "");
  if (options.separator !== undefined) {
    return shown.map(([label, value]) => `${label}${options.separator}${sanitize(value)}`);
  }
  const labelWidth = Math.max(0, ...shown.map(([label]) => displayWidth(label)));
  return shown.map(([label, value, style]) => {
    const room = options.width === undefined ? Number.POSITIVE_INFINITY : options.width - labelWidth - GAP;
    const text = sanitize(value);
    const clipped = Number.isFinite(room) ? clip(text, Math.max(1, room)) : text;
    return `${options.paint("bold", fit(label, labelWidth))}${" ".repeat(GAP)}${options.paint(style, clipped)}`;
  });
}
