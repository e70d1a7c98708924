import {
  AgentdeckError,
  ApiError,
  ConnectionError,
  ResponseTooLargeError,
  UnreadableResponseError,
} from "./errors.ts";

/**
 * How a request may be repeated:
 * - `safe`: repeating it cannot do harm (GET, a status update that sets a state, a registry call
 *   carrying an Idempotency-Key), so it is retried on connection errors, 408, 429 and 5xx;
 * - `unsafe`: it may create or change something twice (execute, pool create and update, user
 *   messages), so it is retried only when the connection failed before anything was sent
 *   (a failure whose `mayHaveActed` is false).
 */
export type RetryPolicy = "safe" | "unsafe";

/** Timing of retries; the defaults suit the real APIs, tests shrink them. */
export type RetryTiming = {
  /** First backoff ceiling; each retry doubles it. */
  baseMs: number;
  /** Largest backoff ceiling. */
  capMs: number;
  /** Longest `Retry-After` the client sleeps through; beyond it the error is thrown at once. */
  maxRetryAfterMs: number;
};

export const DEFAULT_RETRY_TIMING: RetryTiming = { baseMs: 300, capMs: 8_000, maxRetryAfterMs: 60_000 };

const RETRYABLE_STATUSES = new Set([408, 429]);

/** Whether a response status is worth repeating a safe request for. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status) || status >= 500;
}

/**
 * Whether a failure is worth repeating a request that can safely be repeated: no connection, a cut
 * or badly compressed answer, 408, 429 or 5xx. A body over the size limit would only come back as big.
 */
export function isRetryableFailure(error: unknown): boolean {
  if (error instanceof ConnectionError) return true;
  if (error instanceof ApiError) return isRetryableStatus(error.status);
  return error instanceof UnreadableResponseError && !(error instanceof ResponseTooLargeError);
}

/**
 * Exponential backoff with full jitter: a random delay between 0 and `min(cap, base * 2^retry)`,
 * so clients that failed together do not come back together. `retry` counts from 0.
 */
export function backoffDelay(retry: number, timing: RetryTiming, random: () => number = Math.random): number {
  const ceiling = Math.min(timing.capMs, timing.baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** The wait a `Retry-After` header asks for, in ms: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date always names its day and month; without letters Date.parse would read "-3" as a year.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** What to do after a failed attempt. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/** Everything the decision depends on, so it can be tested without a server. */
export type RetryState = {
  error: unknown;
  policy: RetryPolicy;
  /** Retries already made for this call (0 after the first attempt). */
  retries: number;
  maxRetries: number;
  timing: RetryTiming;
  random?: () => number;
};

/** Whether to try again after `error`, and after how long. */
export function decideRetry(state: RetryState): RetryDecision {
  const { error, policy, retries, maxRetries, timing } = state;
  if (retries >= maxRetries || !(error instanceof AgentdeckError)) return { retry: false };
  const repeatable =
    policy === "safe" ? isRetryableFailure(error) : error instanceof ConnectionError && !error.mayHaveActed;
  if (!repeatable) return { retry: false };
  const retryAfterMs = error instanceof ApiError ? error.retryAfterMs : undefined;
  if (retryAfterMs !== undefined) {
    // The server said when; a wait longer than we are willing to sleep is the caller's decision.
    if (retryAfterMs > timing.maxRetryAfterMs) return { retry: false };
    return { retry: true, delayMs: retryAfterMs };
  }
  return { retry: true, delayMs: backoffDelay(retries, timing, state.random) };
}
