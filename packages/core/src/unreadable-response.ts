import { and, systemCause } from "./connection-error.ts";
import { type RequestInfo, ResponseTooLargeError, UnreadableResponseError } from "./errors.ts";
import type { BodyRead } from "./read-body.ts";
import type { Redact } from "./redact.ts";

/** A success response whose body could not be read whole. */
export type UnreadableResponse = RequestInfo & {
  response: Response;
  read: Exclude<BodyRead, { ok: true }>;
  maxResponseBytes: number;
  /** How to find out what the request did; "" for a request that may be repeated. */
  advice: string;
  redact: Redact;
};

/** The error for a success status whose body was cut off, badly compressed or too large: the server answered. */
export function unreadableResponseError(unreadable: UnreadableResponse): UnreadableResponseError {
  const { response, read, redact, method, url } = unreadable;
  const header = response.headers.get("x-request-id");
  const requestId = header === null ? undefined : redact(header);
  const init = { api: unreadable.api, method, url, status: response.status, requestId };
  const answered = `${method} ${url} answered ${response.status}, but`;
  const after = `${and(unreadable.advice)}${requestId ? ` (request id ${requestId})` : ""}`;
  if (read.tooLarge) {
    return new ResponseTooLargeError({
      ...init,
      maxResponseBytes: unreadable.maxResponseBytes,
      message: redact(
        `${answered} its body is over maxResponseBytes (${unreadable.maxResponseBytes} bytes after decompression), so it was not read. ` +
          `The server did act on the request; raise maxResponseBytes to read such an answer.${after}`,
      ),
    });
  }
  const { code, cause } = systemCause(read.cause);
  const detail = cause instanceof Error ? `: ${cause.message}` : "";
  return new UnreadableResponseError({
    ...init,
    code,
    message: redact(
      `${answered} its body could not be read${code ? ` (${code})` : ""}${detail}. ` +
        `The server did act on the request, and its answer was lost.${after}`,
    ),
  });
}
