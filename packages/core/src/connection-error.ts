import { isNetworkError } from "ky";
import { AgentdeckError, ConnectionError, provesNothingSent, type RequestInfo } from "./errors.ts";
import type { Redact } from "./redact.ts";

/** What is known of a failed request's fate before this failure: see `AgentdeckError.mayHaveActed`. */
export type Fate = {
  /** Whether an earlier attempt of the same call may have been carried out. */
  actedBefore: boolean;
  /** How to find out what happened, added to the message when the request may have been carried out; "" for a request that may be repeated. */
  advice: string;
};

/** The system error under ky's NetworkError, fetch's "fetch failed" or a body's "terminated": its `code` says what broke. */
export function systemCause(error: unknown): { code: string | undefined; cause: unknown } {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return { code, cause: current };
    const inner: unknown =
      current instanceof AggregateError && current.errors.length > 0 ? current.errors[0] : current.cause;
    if (inner === undefined) break;
    current = inner;
  }
  return { code: undefined, cause: error instanceof Error ? error.cause : undefined };
}

// A parser error can quote the raw bytes the server sent (a header echoing the key): keep only a
// redacted message and the code.
function redactedCause(cause: unknown, code: string | undefined, redact: Redact): Error | undefined {
  if (!(cause instanceof Error)) return undefined;
  const copy = new Error(redact(cause.message));
  copy.name = cause.name;
  return Object.assign(copy, { code });
}

/** `" sentence"`, or "" for no sentence: how advice joins a message. */
export function and(sentence: string | undefined): string {
  return sentence ? ` ${sentence}` : "";
}

/** The error for a request that got no HTTP response, or whose fetch failed for another reason. */
export function connectionError(
  error: unknown,
  info: RequestInfo,
  redact: Redact,
  fate: Fate,
): AgentdeckError {
  const { method, url } = info;
  if (!isNetworkError(error)) {
    // Not a network failure: a bad header value, a broken custom fetch. Whether it left is unknown.
    // Its message may quote a header (the key), so only a redacted copy leaves, and no cause.
    const message = error instanceof Error ? error.message : String(error);
    return new AgentdeckError(
      redact(`${method} ${url} failed before an answer arrived: ${message}.${and(fate.advice)}`),
      {
        mayHaveActed: true,
      },
    );
  }
  // ky's NetworkError carries the Request (and its auth header): keep only what lies beneath it.
  const { code, cause } = systemCause(error);
  const detail = cause instanceof Error ? cause.message : "";
  const mayHaveActed = fate.actedBefore || !provesNothingSent(code);
  const advice = mayHaveActed ? and(fate.advice) : "";
  return new ConnectionError({
    ...info,
    code,
    cause: redactedCause(cause, code, redact),
    mayHaveActed,
    message: redact(
      `${method} ${url} got no response${code ? ` (${code})` : ""}${detail ? `: ${detail}` : ""}. ` +
        `Check the base URL and your network connection.${advice}`,
    ),
  });
}
