/** A timestamp as `YYYY-MM-DD HH:MM` in local time; the input as given when it is not a date. */
export function formatTime(iso: string | undefined): string {
  if (iso === undefined) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A clock time `HH:MM:SS`, for "last refreshed". */
export function formatClock(date: Date): string {
  return date.toTimeString().slice(0, 8);
}

/**
 * When something happened, for the activity feed: `HH:MM:SS` today, `YYYY-MM-DD HH:MM:SS` on
 * another day (a run from last week must not read as this morning's).
 */
export function formatMoment(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameDay = date.toDateString() === now.toDateString();
  return sameDay ? formatClock(date) : `${formatTime(iso).slice(0, 10)} ${formatClock(date)}`;
}

/** A value of unknown shape (an execution result, inputs) as readable, indented JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `n thing` or `n things`, with thousands separated: `100,000 pools`. */
export function plural(n: number, thing: string): string {
  // Not toLocaleString: its first call sets up ICU's number formats, which costs the first frame ~15 ms.
  const digits = String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${digits} ${thing}${n === 1 ? "" : "s"}`;
}

/** A size in bytes as `512 B`, `1.5 KiB`, `3.2 MiB` or `1.1 GiB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1024) return `${Math.trunc(bytes)} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
