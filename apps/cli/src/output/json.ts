// JSON.stringify escapes C0 controls but leaves C1 controls, DEL, line and paragraph separators and
// the bidirectional overrides as they are; a terminal showing the JSON must not act on them.
const UNSAFE = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `value` as indented JSON, safe to show on a terminal; the same value for any JSON parser. */
export function toJson(value: unknown): string {
  return escapeUnsafe(JSON.stringify(value, null, 2) ?? "null");
}

/** `value` as one line of NDJSON, safe to show on a terminal. */
export function toJsonLine(value: unknown): string {
  return escapeUnsafe(JSON.stringify(value) ?? "null");
}
