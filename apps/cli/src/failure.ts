import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
  UnprocessableEntityError,
  UnreadableResponseError,
} from "@agentdeck/core";
import { FateUnknownError, StagedFilesError } from "./cli-errors.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";
import { InterruptedError } from "./io.ts";

/** What a failed call exits with and the one line that says what happened and what to do. */
export type Failure = { readonly code: ExitCode; readonly message: string };

/** What the server said (core's `serverMessage`), with the registry's messages by field. */
function serverSaid(error: ApiError): string {
  const said = error.serverMessage ?? "";
  const fields = Object.entries(error.errors ?? {}).map(
    ([field, messages]) => `${field}: ${messages.join(", ")}`,
  );
  return fields.length > 0 ? `${said} (${fields.join("; ")})` : said;
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the server";
  }
}

function said(error: ApiError): string {
  const text = serverSaid(error);
  return text === "" ? "" : `: ${text}`;
}

/**
 * Maps anything a core call throws to its exit code and message. Messages never hold a key:
 * core keeps keys out of its errors, and the printer redacts every line besides.
 */
export function describeApiFailure(error: unknown): Failure {
  if (error instanceof StagedFilesError) {
    const cause = describeApiFailure(error.cause);
    return { code: cause.code, message: `${cause.message} ${error.note}` };
  }
  if (error instanceof FateUnknownError) {
    const cause = describeApiFailure(error.cause);
    return { code: cause.code, message: `${cause.message} ${error.check}` };
  }
  if (error instanceof AuthenticationError) {
    return {
      code: EXIT.auth,
      message:
        error.api === "registry"
          ? "the registry refused the token (401): set AGENT_REGISTRY_TOKEN to a valid token, or pick a profile with --profile."
          : "the API refused the key (401): set ASTEROID_API_KEY to a valid key, or pick a profile with --profile (agentdeck config list shows them).",
    };
  }
  if (error instanceof PermissionDeniedError) {
    return {
      code: EXIT.auth,
      message: `not allowed (403)${said(error)}. Check that the key belongs to the organization (ASTEROID_ORGANIZATION_ID or --org).`,
    };
  }
  if (error instanceof NotFoundError) {
    return {
      code: EXIT.notFound,
      message: `not found (404)${said(error)}. Check the id: the list commands show them.`,
    };
  }
  if (error instanceof ConflictError) {
    return { code: EXIT.conflict, message: `refused (409)${said(error)}.` };
  }
  if (error instanceof RateLimitError) {
    const wait = error.retryAfterMs === undefined ? "a moment" : `${Math.ceil(error.retryAfterMs / 1000)}s`;
    return { code: EXIT.rateLimited, message: `too many requests (429): wait ${wait}, then try again.` };
  }
  if (error instanceof InternalServerError) {
    return {
      code: EXIT.unavailable,
      message: `the server failed (${error.status})${said(error)}. Try again in a moment.`,
    };
  }
  if (error instanceof BadRequestError || error instanceof UnprocessableEntityError) {
    return { code: EXIT.invalid, message: `the server refused the request (${error.status})${said(error)}.` };
  }
  if (error instanceof ApiError) {
    return { code: EXIT.error, message: `the server answered ${error.status}${said(error)}.` };
  }
  if (error instanceof ConnectionError) {
    const setting = error.api === "registry" ? "AGENT_REGISTRY_URL" : "ASTEROID_BASE_URL";
    return {
      code: EXIT.unavailable,
      message: `cannot reach ${host(error.url)} (${error.code ?? "connection failed"}): check the network and ${setting}.`,
    };
  }
  if (error instanceof TimeoutError) {
    return {
      code: EXIT.timeout,
      message: `no answer within ${Math.round(error.timeoutMs / 1000)}s: the server may be slow; try again.`,
    };
  }
  if (error instanceof RequestValidationError) {
    return { code: EXIT.invalid, message: `${error.message} (nothing was sent).` };
  }
  if (error instanceof ResponseTooLargeError) {
    return {
      code: EXIT.error,
      message: `${error.method} ${error.url} answered more than ${error.maxResponseBytes} bytes, so agentdeck stopped reading it: report it.`,
    };
  }
  if (error instanceof UnreadableResponseError) {
    return {
      code: EXIT.unavailable,
      message: `the answer of ${error.method} ${error.url} could not be read (${error.code ?? "cut off"}): check the network; try again.`,
    };
  }
  if (error instanceof PaginationError) {
    return { code: EXIT.error, message: `${error.message} Try again, or page by hand with --page.` };
  }
  if (error instanceof ResponseValidationError) {
    return {
      code: EXIT.error,
      message: `${error.method} ${error.url} sent data this version of agentdeck does not understand: update agentdeck, or report it.`,
    };
  }
  if (error instanceof AbortError || error instanceof InterruptedError) {
    return { code: EXIT.interrupted, message: "interrupted." };
  }
  return { code: EXIT.error, message: error instanceof Error ? error.message : String(error) };
}
