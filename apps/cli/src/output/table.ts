import type { Paint, Style } from "./colour.ts";
import { sanitize } from "./sanitize.ts";
import { clip, displayWidth, fit } from "./width.ts";

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
 * Items as an aligned table with a header, every cell sanitised and the whole fitted by display
 * width into `width` columns (when given): flexible columns shrink first, then the last columns go.
 */
export function renderTable<T>(
  columns: readonly Column<T>[],
  items: readonly T[],
  options: { width: number | undefined; paint: Paint },
): string[] {
  const cells = items.map((item) => columns.map((column) => sanitize(column.cell(item))));
  const natural = columns.map((column, i) =>
    Math.max(displayWidth(column.header), ...cells.map((row) => displayWidth(row[i] as string))),
  );
  const widths = options.width === undefined ? natural : layout(natural, columns, options.width);
  const line = (texts: readonly string[], style: (i: number) => Style | undefined) =>
    widths
      .map((width, i) => {
        const text = texts[i] as string;
        const cell = i === widths.length - 1 ? clip(text, width) : fit(text, width);
        return options.paint(style(i), cell);
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

const totalWidth = (widths: readonly number[]) =>
  widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1);

// The widths of the columns shown within `width`: flexible columns give up width first, widest
// first, down to MIN_FLEX each; when that is not enough, the last columns are left out (never shown
// as stubs) and the flexible ones get their width back. The last column shown is clipped.
function layout<T>(natural: readonly number[], columns: readonly Column<T>[], width: number): number[] {
  for (let count = natural.length; count > 1; count--) {
    const widths = natural.slice(0, count);
    while (totalWidth(widths) > width) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) {
        if (!columns[i]?.flex || (widths[i] as number) <= MIN_FLEX) continue;
        if (widest === -1 || (widths[i] as number) > (widths[widest] as number)) widest = i;
      }
      if (widest === -1) break;
      widths[widest] = (widths[widest] as number) - 1;
    }
    if (totalWidth(widths) <= width) return widths;
  }
  return [Math.max(1, Math.min(natural[0] ?? 1, width))];
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
