import { readFile, stat } from "node:fs/promises";
import { objectRow } from "./jsonl-rows.ts";
import type { ColumnMapping } from "./mapping.ts";
import type { RowInput } from "./row-input.ts";
import type { IssueList } from "./row-issues.ts";

/** Largest JSON array file read whole; beyond it JSONL, which is streamed, is the format to use. */
export const MAX_JSON_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The rows of a JSON file holding one array of objects. The array is parsed whole (JSON has no
 * record boundaries to stream on), so it is capped at MAX_JSON_FILE_BYTES; issues name the item.
 */
export async function* readJsonRows(
  path: string,
  mapping: ColumnMapping,
  issues: IssueList,
): AsyncGenerator<RowInput> {
  const { size } = await stat(path);
  if (size > MAX_JSON_FILE_BYTES) {
    issues.add({
      line: undefined,
      message: `is ${(size / 1024 / 1024).toFixed(1)} MB; a JSON array is read whole and limited to ${MAX_JSON_FILE_BYTES / 1024 / 1024} MB. Write one object a line (JSONL, .jsonl), which is streamed`,
    });
    return;
  }
  let items: unknown;
  try {
    items = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    issues.add({ line: undefined, message: `is not JSON: ${(error as Error).message}` });
    return;
  }
  if (!Array.isArray(items)) {
    issues.add({ line: undefined, message: "must hold a JSON array of objects, one per row" });
    return;
  }
  for (let index = 0; index < items.length; index++) {
    const row = objectRow(items[index], index + 1, mapping, issues);
    // Each item is dropped from the array once read, so the parsed file is not held twice.
    items[index] = undefined;
    if (row !== undefined) yield row;
  }
}
