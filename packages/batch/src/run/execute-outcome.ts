import {
  AbortError,
  ApiError,
  ConnectionError,
  RateLimitError,
  RequestValidationError,
  TimeoutError,
} from "@agentdeck/core";

/** What a failed execute means for its row. */
export type ExecuteFailure =
  /** 429: nothing ran; every row waits (`Retry-After` when given). */
  | { kind: "rate-limited"; retryAfterMs: number | undefined }
  /** 409 on execute: the pool has no free profile; nothing ran; wait for a row to finish. */
  | { kind: "no-free-profile" }
  /** The connection was refused before anything was sent; nothing ran; every row waits. */
  | { kind: "unreachable" }
  /** The API refused this row (400, 413, 422, or a request the client would not send): it can never run as it is. */
  | { kind: "refused" }
  /** The API refused the batch (401, 403, 404, …): no row can run until that is fixed. */
  | { kind: "fatal" }
  /**
   * The execute may have started a run: a 5xx, a connection lost mid-way, a timeout. Ask the server
   * (by the row's metadata) before sending again; `settle` when the request may still be in progress
   * there (no answer, or a gateway's 502/504), so the server must be given time before "none" is believed.
   */
  | { kind: "unknown"; settle: boolean };

// System error codes that prove no byte reached the server (core retries on the same ones).
const NOTHING_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** Sorts an error from `agents.execute` by what it means for the row and for the batch. */
export function classifyExecuteError(error: unknown): ExecuteFailure {
  if (error instanceof RateLimitError) return { kind: "rate-limited", retryAfterMs: error.retryAfterMs };
  if (error instanceof RequestValidationError) return { kind: "refused" };
  if (error instanceof ConnectionError) {
    return error.code !== undefined && NOTHING_SENT.has(error.code)
      ? { kind: "unreachable" }
      : { kind: "unknown", settle: true };
  }
  if (error instanceof ApiError) {
    const { status } = error;
    if (status === 409) return { kind: "no-free-profile" };
    if (status === 400 || status === 413 || status === 422) return { kind: "refused" };
    if (status === 408) return { kind: "unknown", settle: true };
    if (status >= 500) return { kind: "unknown", settle: status === 502 || status === 504 };
    return { kind: "fatal" };
  }
  if (error instanceof TimeoutError || error instanceof AbortError) return { kind: "unknown", settle: true };
  // Anything else (a bad response body, a bug): the request may have been acted on.
  return { kind: "unknown", settle: true };
}

/** Errors that stop the whole batch whichever call they come from: the credentials are wrong. */
export function isFatal(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}
