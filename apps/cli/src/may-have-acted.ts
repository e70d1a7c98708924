import { AbortError, ApiError, ConnectionError, TimeoutError } from "@agentdeck/core";
import { FateUnknownError } from "./cli-errors.ts";

// Failures Node proves happened before any byte left: the server cannot have acted.
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * Whether the server may have acted on a request that failed: it went out and its fate is unknown
 * (no answer, a dropped connection, the deadline, Ctrl-C, a 5xx). A refusal (4xx) or a connection refused
 * before sending says it did not. When core's errors carry `mayHaveActed`, that field decides.
 */
export function mayHaveActed(error: unknown): boolean {
  const field = (error as { mayHaveActed?: unknown } | null)?.mayHaveActed;
  if (typeof field === "boolean") return field;
  // Stopped mid-flight (the deadline, or Ctrl-C): the request may have arrived all the same.
  if (error instanceof TimeoutError || error instanceof AbortError) return true;
  if (error instanceof ConnectionError) return error.code === undefined || !NOT_SENT.has(error.code);
  if (error instanceof ApiError) return error.status >= 500;
  return false;
}

/**
 * Runs a call that creates or starts something. When it fails in a way that may have left it done,
 * the error is wrapped with `check`, the way to find out, so nobody re-sends it blindly.
 */
export async function unlessFateUnknown<T>(call: Promise<T>, check: string): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw mayHaveActed(error) ? new FateUnknownError(error, check) : error;
  }
}
