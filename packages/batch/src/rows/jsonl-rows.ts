import { createReadStream } from "node:fs";
import { MAX_RECORD_CHARS } from "./csv-rows.ts";
import { applyMapping, type ColumnMapping } from "./mapping.ts";
import type { RowInput } from "./row-input.ts";
import type { IssueList } from "./row-issues.ts";

/**
 * The lines of a text file with their numbers, streamed. A line longer than `maxChars` is reported
 * as `tooLong` and its text never held whole.
 */
export async function* numberedLines(
  path: string,
  maxChars: number,
): AsyncGenerator<{ line: number; text: string } | { line: number; tooLong: true }> {
  let buffer = "";
  let line = 1;
  let skipping = false;
  for await (const chunk of createReadStream(path, { encoding: "utf8" }) as AsyncIterable<string>) {
    buffer += chunk;
    let newline = buffer.indexOf("\n");
    while (newline !== -1) {
      if (!skipping) yield { line, text: buffer.slice(0, newline).replace(/\r$/, "") };
      skipping = false;
      buffer = buffer.slice(newline + 1);
      line++;
      newline = buffer.indexOf("\n");
    }
    if (!skipping && buffer.length > maxChars) {
      yield { line, tooLong: true };
      skipping = true;
    }
    if (skipping) buffer = "";
  }
  if (!skipping && buffer.length > 0) yield { line, text: buffer.replace(/\r$/, "") };
}

/** The rows of a JSONL file (one JSON object a line; blank lines skipped), streamed. */
export async function* readJsonlRows(
  path: string,
  mapping: ColumnMapping,
  issues: IssueList,
): AsyncGenerator<RowInput> {
  for await (const entry of numberedLines(path, MAX_RECORD_CHARS)) {
    if ("tooLong" in entry) {
      issues.add({
        line: entry.line,
        message: `the line is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB of text; an execution's request must stay under about 1 MiB`,
      });
      continue;
    }
    if (entry.text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(entry.text);
    } catch (error) {
      issues.add({ line: entry.line, message: `is not JSON: ${(error as Error).message}` });
      continue;
    }
    const row = objectRow(value, entry.line, mapping, issues);
    if (row !== undefined) yield row;
  }
}

/** A parsed JSON value as a row: it must be an object of fields. */
export function objectRow(
  value: unknown,
  line: number,
  mapping: ColumnMapping,
  issues: IssueList,
): RowInput | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    issues.add({ line, message: 'must be a JSON object of fields, such as {"city": "Lisbon"}' });
    return undefined;
  }
  return applyMapping(value as Record<string, unknown>, line, mapping, issues);
}
