import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { readCsvRows } from "./csv-rows.ts";
import { readJsonRows } from "./json-rows.ts";
import { readJsonlRows } from "./jsonl-rows.ts";
import type { ColumnMapping } from "./mapping.ts";
import type { RowInput } from "./row-input.ts";
import { IssueList, RowsError } from "./row-issues.ts";

export const ROW_FORMATS = ["csv", "jsonl", "json"] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

/** A rows file and how to read it. */
export type RowSource = {
  path: string;
  /** From the extension (.csv, .jsonl/.ndjson, .json) when not given. */
  format?: RowFormat | undefined;
  mapping?: ColumnMapping | undefined;
};

/** The format a file's extension names, or undefined. */
export function formatOf(path: string): RowFormat | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === ".csv") return "csv";
  if (extension === ".jsonl" || extension === ".ndjson") return "jsonl";
  if (extension === ".json") return "json";
  return undefined;
}

/**
 * Every row of the file, read through once: bad rows are not yielded, and when the file is done a
 * RowsError lists every problem with its line and column. Whoever consumes the rows must treat them
 * as provisional until the iteration ends without throwing.
 */
export async function* readRows(source: RowSource): AsyncGenerator<RowInput> {
  const format = source.format ?? formatOf(source.path);
  if (format === undefined) {
    throw new RowsError(source.path, [
      {
        line: undefined,
        message: "has no .csv, .jsonl or .json extension; name the format (--format csv|jsonl|json)",
      },
    ]);
  }
  try {
    if (!(await stat(source.path)).isFile())
      throw new RowsError(source.path, [{ line: undefined, message: "is not a file" }]);
  } catch (error) {
    if (error instanceof RowsError) throw error;
    throw new RowsError(source.path, [
      {
        line: undefined,
        message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      },
    ]);
  }
  const issues = new IssueList();
  const mapping = source.mapping ?? {};
  const rows =
    format === "csv"
      ? readCsvRows(source.path, mapping, issues)
      : format === "jsonl"
        ? readJsonlRows(source.path, mapping, issues)
        : readJsonRows(source.path, mapping, issues);
  yield* rows;
  issues.throwIfAny(source.path, format === "json" ? "item" : "line");
}
