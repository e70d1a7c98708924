/** A timestamp as `YYYY-MM-DD HH:MM` in UTC, so a table reads the same on every machine; as given when not a date. */
export function formatTime(iso: string | undefined): string {
  if (iso === undefined) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")}Z`;
}

/** A value of unknown shape (a result, inputs) on one line. */
export function compactJson(value: unknown): string {
  if (value === undefined) return "";
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return String(value);
  }
}
