import { createReadStream } from "node:fs";
import { type CsvError, parse } from "csv-parse";
import { applyMapping, type ColumnMapping, mappedColumns } from "./mapping.ts";
import type { IssueList } from "./row-issues.ts";
import type { RowInput } from "./row-input.ts";

/** Longest CSV record, in characters: an execution's request is limited to about 1 MiB. */
export const MAX_RECORD_CHARS = 1024 * 1024;

class BadHeader extends Error {}

/**
 * The rows of a CSV file with a header line, streamed: only the current record is held. A broken
 * record is reported (line and column) and skipped, so one pass finds every problem.
 */
export async function* readCsvRows(path: string, mapping: ColumnMapping, issues: IssueList): AsyncGenerator<RowInput> {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      columns: (header: string[]) => checkHeader(header, mapping, issues),
      info: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_CHARS,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error !== undefined) issues.add(describeCsvError(error));
      },
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      const row = applyMapping(record, info.lines, mapping, issues);
      if (row !== undefined) yield row;
    }
  } catch (error) {
    if (error instanceof BadHeader) return;
    if ((error as CsvError).code !== undefined) {
      issues.add(describeCsvError(error as CsvError));
      return;
    }
    throw error;
  } finally {
    parser.destroy();
  }
}

function checkHeader(header: string[], mapping: ColumnMapping, issues: IssueList): string[] {
  const before = issues.total;
  const seen = new Set<string>();
  header.forEach((name, index) => {
    if (name.trim() === "") issues.add({ line: 1, column: `#${index + 1}`, message: "the header has an empty column name" });
    else if (seen.has(name)) issues.add({ line: 1, column: name, message: "appears twice in the header" });
    seen.add(name);
  });
  for (const column of mappedColumns(mapping)) {
    if (!seen.has(column)) {
      issues.add({
        line: 1,
        column,
        message: `is not in the header; the columns are ${header.map((name) => `"${name}"`).join(", ")}`,
      });
    }
  }
  if (issues.total > before) throw new BadHeader();
  return header;
}

/** csv-parse's error as a line, a column and a message that says what to fix. */
function describeCsvError(error: CsvError): { line: number | undefined; column?: string; message: string } {
  const line = typeof error.lines === "number" ? error.lines : undefined;
  const column = typeof error.column === "string" ? error.column : undefined;
  switch (error.code) {
    case "CSV_RECORD_INCONSISTENT_COLUMNS":
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH": {
      const got = Array.isArray(error.record) ? error.record.length : undefined;
      const want = /columns length is (\d+)/.exec(error.message)?.[1];
      return {
        line,
        message: `has ${got ?? "a different number of"} field${got === 1 ? "" : "s"} where the header has ${want ?? "another number"}; check for a missing or extra comma, or a quote not closed`,
      };
    }
    case "CSV_QUOTE_NOT_CLOSED":
      return { line, column, message: "a quoted field is never closed; everything after its opening quote was read as one field" };
    case "INVALID_OPENING_QUOTE":
      return { line, column, message: 'a quote inside a field that does not start with one; quote the whole field and write a quote in it as ""' };
    case "CSV_INVALID_CLOSING_QUOTE":
      return { line, column, message: "text follows a closing quote; a quote inside a quoted field is written as \"\"" };
    case "CSV_MAX_RECORD_SIZE":
      return {
        line,
        column,
        message: `the record is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB of text; an execution's request must stay under about 1 MiB`,
      };
    default:
      return { line, column, message: error.message };
  }
}
