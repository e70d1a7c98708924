import { createHash } from "node:crypto";
import type { RowInput } from "./row-input.ts";

/** JSON with every object's keys sorted, so equal rows give equal text whatever the column order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** A row's key: its own when it has one, else 128 bits of SHA-256 over its inputs and metadata. */
export function rowKeyOf(row: RowInput): string {
  if (row.key !== undefined) return row.key;
  const text = canonicalJson({ inputs: row.inputs, metadata: row.metadata ?? {} });
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}
