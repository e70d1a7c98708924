import type { TableRow } from "./figure.ts";

const HEADERS = ["figure", "value", "anchor", "ratio", "target", "met?"] as const;

/** The rows as a plain-text table, columns padded to their widest cell. */
export function renderTable(rows: readonly TableRow[]): string {
  const cells = rows.map((row) => [
    row.figure,
    row.value,
    row.anchor,
    row.ratio,
    row.target,
    row.met === null ? "—" : row.met ? "yes" : "NO",
  ]);
  const widths = HEADERS.map((header, i) =>
    Math.max(header.length, ...cells.map((line) => (line[i] as string).length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, i) => value.padEnd(widths[i] as number))
      .join("  ")
      .trimEnd();
  return [line(HEADERS), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}
