import type { Redact } from "./redact.ts";

type Env = Record<string, string | undefined>;

/** Whether `AGENTDECK_LOG=debug` is set; read on every attempt so it can be switched on in a running process. */
export function isDebugLogOn(): boolean {
  // Guarded: core also runs in browsers, where there is no `process`.
  const env = (globalThis as { process?: { env?: Env } }).process?.env;
  return env?.AGENTDECK_LOG?.trim().toLowerCase() === "debug";
}

/** One attempt of one request, as the debug log reports it. */
export type Attempt = {
  method: string;
  url: string;
  /** The HTTP status, or what happened instead (`ECONNREFUSED`, `timeout`, `aborted`). */
  outcome: number | string;
  durationMs: number;
  /** 0 for the first attempt, 1 for the first retry, … */
  retry: number;
};

/** `[agentdeck] GET https://… 200 12ms retry=0`, with every secret redacted. */
export function formatAttempt(attempt: Attempt, redact: Redact): string {
  const ms = Math.round(attempt.durationMs);
  return redact(
    `[agentdeck] ${attempt.method} ${attempt.url} ${attempt.outcome} ${ms}ms retry=${attempt.retry}`,
  );
}

/** Prints the attempt to stderr (console.error) when the debug log is on. */
export function logAttempt(attempt: Attempt, redact: Redact): void {
  if (isDebugLogOn()) console.error(formatAttempt(attempt, redact));
}
