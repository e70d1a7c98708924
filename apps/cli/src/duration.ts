import { InvalidArgumentError } from "commander";

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `30s`, `10m`, `2h`, `500ms`, or a bare number of seconds, in milliseconds (commander argParser). */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const ms = match ? Number(match[1]) * (UNITS[match[2] ?? "s"] as number) : Number.NaN;
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new InvalidArgumentError("must be a duration such as 30s, 10m, 2h or 500ms.");
  }
  return Math.max(1, Math.round(ms));
}

/** A whole number of 1 or more (commander argParser). */
export function parsePositive(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError("must be a whole number, 1 or more.");
  }
  return n;
}

/** A whole number of 0 or more (commander argParser). */
export function parseCount(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError("must be a whole number, 0 or more.");
  }
  return n;
}
