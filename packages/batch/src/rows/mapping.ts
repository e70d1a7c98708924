import * as z from "zod";
import { MAX_KEY_LENGTH, type RowInput } from "./row-input.ts";
import type { IssueList } from "./row-issues.ts";

export const INPUT_TYPES = ["string", "number", "integer", "boolean", "json"] as const;
export type InputType = (typeof INPUT_TYPES)[number];

/** Where one input comes from: a column, read as a type; `optional` leaves the input out when the cell is empty. */
export const InputColumn = z.strictObject({
  column: z.string().min(1, { error: "must name a column" }),
  type: z.enum(INPUT_TYPES, { error: `must be one of: ${INPUT_TYPES.join(", ")}` }),
  optional: z.boolean(),
});
export type InputColumn = z.infer<typeof InputColumn>;

/** How a row of the file becomes an execution's inputs, metadata and key. */
export const ColumnMapping = z.strictObject({
  /** Input name → column. Without it every column is an input of its own name, as read. */
  inputs: z.record(z.string().min(1), InputColumn).optional(),
  /** Metadata key → the column whose text is its value. */
  metadata: z.record(z.string().min(1), z.string().min(1)).optional(),
  /** The column holding each row's key; without it the key is a hash of the row. */
  key: z.string().min(1).optional(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** A mapping spec on the command line could not be read. */
export class MappingError extends Error {
  override name = "MappingError";
}

/**
 * Reads `name=Column:type` (`name` alone: the column of that name, a string; `:type?` leaves the input
 * out when the cell is empty) into an input name and its column.
 */
export function parseInputSpec(spec: string): [string, InputColumn] {
  const match = /^([^=:]+)(?:=([^:]+))?(?::([a-z]+)(\?)?)?$/.exec(spec.trim());
  const type = match?.[3] ?? "string";
  if (match === null || !(INPUT_TYPES as readonly string[]).includes(type)) {
    throw new MappingError(
      `--input "${spec}" must look like name=Column:type, with type one of ${INPUT_TYPES.join(", ")} (a trailing ? leaves the input out when the cell is empty)`,
    );
  }
  const name = (match[1] as string).trim();
  return [name, { column: (match[2] ?? name).trim(), type: type as InputType, optional: match[4] === "?" }];
}

/** Reads `key=Column` (or `key` alone: the column of that name) into a metadata key and its column. */
export function parseMetadataSpec(spec: string): [string, string] {
  const match = /^([^=]+)(?:=(.+))?$/.exec(spec.trim());
  if (match === null) throw new MappingError(`--metadata "${spec}" must look like key=Column`);
  const key = (match[1] as string).trim();
  return [key, (match[2] ?? key).trim()];
}

/** Every column a mapping reads, for checking a header before any row. */
export function mappedColumns(mapping: ColumnMapping): string[] {
  return [
    ...Object.values(mapping.inputs ?? {}).map((input) => input.column),
    ...Object.values(mapping.metadata ?? {}),
    ...(mapping.key === undefined ? [] : [mapping.key]),
  ];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const TRUE = new Set(["true", "yes", "1"]);
const FALSE = new Set(["false", "no", "0"]);

type Converted = { ok: true; value: unknown } | { ok: false; message: string };

/** A cell (text from CSV, any JSON value from JSON or JSONL) read as `type`. */
export function convertValue(value: unknown, type: InputType): Converted {
  const shown = typeof value === "string" ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : "";
  switch (type) {
    case "string":
      if (typeof value === "string") return { ok: true, value };
      if (typeof value === "number" || typeof value === "boolean") return { ok: true, value: String(value) };
      return { ok: false, message: "must be text" };
    case "number":
    case "integer": {
      const n =
        typeof value === "number"
          ? value
          : typeof value === "string" && NUMBER.test(value.trim())
            ? Number(value)
            : Number.NaN;
      if (!Number.isFinite(n)) return { ok: false, message: `${shown || "the value"} is not a number` };
      if (type === "integer" && !Number.isSafeInteger(n))
        return { ok: false, message: `${shown || n} is not a whole number` };
      return { ok: true, value: n };
    }
    case "boolean": {
      if (typeof value === "boolean") return { ok: true, value };
      const text = typeof value === "string" ? value.trim().toLowerCase() : "";
      if (TRUE.has(text)) return { ok: true, value: true };
      if (FALSE.has(text)) return { ok: true, value: false };
      return { ok: false, message: `${shown || "the value"} is not true/false (yes/no and 1/0 also work)` };
    }
    case "json":
      if (typeof value !== "string") return { ok: true, value };
      try {
        return { ok: true, value: JSON.parse(value) };
      } catch (error) {
        return { ok: false, message: `is not JSON (${(error as Error).message})` };
      }
  }
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === "";

/**
 * Turns one record of the file (column → value) into a row through the mapping. Problems go to
 * `issues`, naming the line and the column; the row is then undefined.
 */
export function applyMapping(
  record: Record<string, unknown>,
  line: number,
  mapping: ColumnMapping,
  issues: IssueList,
): RowInput | undefined {
  const before = issues.total;
  const fail = (column: string, message: string) => issues.add({ line, column, message });

  let inputs: Record<string, unknown> = record;
  if (mapping.inputs !== undefined) {
    inputs = {};
    for (const [name, input] of Object.entries(mapping.inputs)) {
      const value = record[input.column];
      if (value === undefined && !Object.hasOwn(record, input.column) && !input.optional) {
        fail(input.column, "is missing");
        continue;
      }
      if (isEmpty(value) && (input.optional || (input.type !== "string" && input.type !== "json"))) {
        if (!input.optional) {
          fail(
            input.column,
            `is empty; expected ${article(input.type)} (write the type as ${input.type}? to leave the input out when empty)`,
          );
        }
        continue;
      }
      const converted = convertValue(value, input.type);
      if (converted.ok) inputs[name] = converted.value;
      else fail(input.column, converted.message);
    }
  }

  let metadata: Record<string, string> | undefined;
  for (const [key, column] of Object.entries(mapping.metadata ?? {})) {
    const converted = convertValue(record[column], "string");
    if (!converted.ok) {
      fail(column, `${converted.message} (metadata values are text)`);
      continue;
    }
    metadata ??= {};
    metadata[key] = converted.value as string;
  }

  let key: string | undefined;
  if (mapping.key !== undefined) {
    const converted = convertValue(record[mapping.key], "string");
    if (!converted.ok || converted.value === "") fail(mapping.key, "is empty; every row needs a key");
    else if ((converted.value as string).length > MAX_KEY_LENGTH)
      fail(mapping.key, `is longer than ${MAX_KEY_LENGTH} characters; a row key must be shorter`);
    else key = converted.value as string;
  }

  if (issues.total > before) return undefined;
  return {
    inputs,
    line,
    ...(metadata === undefined ? {} : { metadata }),
    ...(key === undefined ? {} : { key }),
  };
}

function article(type: InputType): string {
  return type === "integer" ? "an integer" : type === "boolean" ? "true or false" : `a ${type}`;
}
