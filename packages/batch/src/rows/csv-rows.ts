import { createReadStream } from "node:fs";
import { type CsvError, parse } from "csv-parse";
import { applyMapping, type ColumnMapping, mappedColumns } from "./mapping.ts";
import type { RowInput } from "./row-input.ts";
import type { IssueList } from "./row-issues.ts";

/** Longest CSV record, in characters: an execution's request is limited to about 1 MiB. */
export const MAX_RECORD_CHARS = 1024 * 1024;

class BadHeader extends Error {}

/**
 * The rows of a CSV file with a header line, streamed: only the current record is held. A broken
 * record is reported (line and column) and skipped, so one pass finds every problem.
 */
export async function* readCsvRows(
  path: string,
  mapping: ColumnMapping,
  issues: IssueList,
): AsyncGenerator<RowInput> {
  // csv-parse counts lines up to where a record ends (or where reading stopped); a record is named
  // by the line it starts on: the one after the previous record's end, past any empty lines.
  const lines = { end: 1, empty: 0 };
  let lastError: { code: string; lines: unknown } | undefined;
  const startOf = (position: { lines?: unknown; empty_lines?: unknown }) => {
    const empty = typeof position.empty_lines === "number" ? position.empty_lines : lines.empty;
    return lines.end + 1 + (empty - lines.empty);
  };
  const advance = (position: { lines?: unknown; empty_lines?: unknown }) => {
    if (typeof position.lines === "number") lines.end = position.lines;
    if (typeof position.empty_lines === "number") lines.empty = position.empty_lines;
  };
  const report = (error: CsvError) => {
    // An over-long record is reported again for every chunk read past the limit: once is enough.
    if (lastError?.code === error.code && lastError.lines === error.lines) return;
    lastError = { code: error.code, lines: error.lines };
    const position = error as { lines?: unknown; empty_lines?: unknown };
    const start = startOf(position);
    advance(position);
    issues.add({ ...describeCsvError(error), line: start });
  };
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      columns: (header: string[]) => checkHeader(header, mapping, issues),
      // Called in step with on_skip, while parsing: where each record starts is worked out here.
      on_record: (record: Record<string, string>, info) => {
        const line = startOf(info);
        advance(info);
        return { record, line };
      },
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_CHARS,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error !== undefined) report(error);
      },
    }),
  );
  try {
    for await (const { record, line } of parser as AsyncIterable<{
      record: Record<string, string>;
      line: number;
    }>) {
      const row = applyMapping(record, line, mapping, issues);
      if (row !== undefined) yield row;
    }
  } catch (error) {
    if (error instanceof BadHeader) return;
    if ((error as CsvError).code !== undefined) {
      report(error as CsvError);
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
    if (name.trim() === "")
      issues.add({ line: 1, column: `#${index + 1}`, message: "the header has an empty column name" });
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

/** csv-parse's error as a column and a message that says what to fix. */
function describeCsvError(error: CsvError): { column?: string; message: string } {
  const column = typeof error.column === "string" ? error.column : undefined;
  switch (error.code) {
    case "CSV_RECORD_INCONSISTENT_COLUMNS":
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH": {
      const got = Array.isArray(error.record) ? error.record.length : undefined;
      const want = /columns length is (\d+)/.exec(error.message)?.[1];
      return {
        message: `has ${got ?? "a different number of"} field${got === 1 ? "" : "s"} where the header has ${want ?? "another number"}; check for a missing or extra comma, or a quote not closed`,
      };
    }
    case "CSV_QUOTE_NOT_CLOSED":
      return {
        column,
        message: "a quoted field is never closed; everything after its opening quote was read as one field",
      };
    case "INVALID_OPENING_QUOTE":
      return {
        column,
        message:
          'a quote inside a field that does not start with one; quote the whole field and write a quote in it as ""',
      };
    case "CSV_INVALID_CLOSING_QUOTE":
      return {
        column,
        message: 'text follows a closing quote; a quote inside a quoted field is written as ""',
      };
    case "CSV_MAX_RECORD_SIZE":
      return {
        column,
        message: `the record is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB of text; an execution's request must stay under about 1 MiB`,
      };
    default:
      return { column, message: error.message };
  }
}
