/** One problem with a value: a dotted field path (`tempFiles[0].id`, `""` for the value itself) and what is allowed. */
export type Issue = { path: string; message: string };

// Fields that could hold credentials: never serialised, even if something puts them on an error.
const UNSERIALISED = new Set(["headers", "request", "response", "cause", "stack"]);

/** What every `AgentdeckError` carries besides its message. */
export type AgentdeckErrorOptions = {
  /** See `AgentdeckError.mayHaveActed`; false when not given. */
  mayHaveActed?: boolean | undefined;
  cause?: unknown;
};

/** Base class of every error `@agentdeck/core` throws. */
export class AgentdeckError extends Error {
  override name = "AgentdeckError";
  /**
   * Whether the server may have carried out the request: true when a request went out and its fate
   * is unknown (dropped after sending, timed out or aborted while on its way, a 5xx) or the server
   * acted but its answer was lost (an unreadable, oversized or malformed 2xx). False when nothing was
   * sent, or the server refused (4xx). A write that fails with it true is never sent again by the
   * client; its message says how to find out what happened.
   */
  readonly mayHaveActed: boolean;

  constructor(message: string, options: AgentdeckErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.mayHaveActed = options.mayHaveActed ?? false;
  }

  /** The error's class, message and fields, without request headers or anything else that could carry a secret. */
  toJSON(): Record<string, unknown> {
    const fields = Object.fromEntries(Object.entries(this).filter(([key]) => !UNSERIALISED.has(key)));
    return { ...fields, name: this.name, message: this.message };
  }
}

/** Which of the two APIs a request went to: they differ in error bodies and credentials. */
export type ApiName = "v2" | "registry";

/** What every error about one HTTP request knows about it. */
export type RequestInfo = {
  /** `v2` (the Asteroid Agents API) or `registry` (the agent registry API). */
  api: ApiName;
  method: string;
  url: string;
};

/** Fields of an `ApiError`; the message is written by whoever maps the response. */
export type ApiErrorInit = RequestInfo & {
  status: number;
  message: string;
  /** The API's own error code: a number for v2 (`{code, message}`), a string such as `bad_request` for the registry. */
  code?: number | string | undefined;
  requestId?: string | undefined;
  body?: unknown;
  errors?: Record<string, string[]> | undefined;
  /** What the server said: the message of either API's error body, or the start of a text body. */
  serverMessage?: string | undefined;
  /** The wait a `Retry-After` header asked for, in ms. */
  retryAfterMs?: number | undefined;
  /** Defaults to true for a 5xx (the server failed somewhere along the way), false otherwise. */
  mayHaveActed?: boolean | undefined;
};

/** The API answered with an error status. `status`, `code`, `requestId` and the parsed `body` say which. */
export class ApiError extends AgentdeckError {
  override name = "ApiError";
  readonly status: number;
  readonly code: number | string | undefined;
  /** The `x-request-id` response header: quote it when you contact support. */
  readonly requestId: string | undefined;
  /** The response body: parsed JSON, or the raw text when it was not JSON, or undefined when empty. */
  readonly body: unknown;
  /** The registry's per-field messages of a `validation_errors` response. */
  readonly errors: Record<string, string[]> | undefined;
  /**
   * What the server said, redacted, without the method, URL and advice of `message`: the `message`
   * of either API's error body, or the start (300 characters) of a text body. Untrusted text:
   * sanitise it before it reaches a terminal.
   */
  readonly serverMessage: string | undefined;
  /** How long the server asked to wait before trying again (`Retry-After`), when it said. */
  readonly retryAfterMs: number | undefined;
  /** Which API answered: `v2` or `registry`. */
  readonly api: ApiName;
  readonly method: string;
  readonly url: string;

  constructor(init: ApiErrorInit) {
    super(init.message, { mayHaveActed: init.mayHaveActed ?? init.status >= 500 });
    this.api = init.api;
    this.retryAfterMs = init.retryAfterMs;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.body = init.body;
    this.errors = init.errors;
    this.serverMessage = init.serverMessage;
    this.method = init.method;
    this.url = init.url;
  }
}

/** 400: the API rejected the request as malformed. */
export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}

/** 401: the API key or registry token is missing, wrong or revoked. */
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}

/** 403: the credentials are valid but may not do this. */
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}

/** 404: no such resource (or not visible to these credentials). */
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}

/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends ApiError {
  override name = "ConflictError";
}

/** 422: the request was well formed but its values were refused. */
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}

/** 429: too many requests; `retryAfterMs` is how long the server asked to wait, when it said. */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}

/** 5xx: the server failed. */
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}

// System error codes that prove the connection was never established, so no byte of the request
// reached the server. Anything else (reset, closed, timeout) might have happened after it arrived.
const NOTHING_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** Whether a system error code proves the request never left (a refused connection, a failed DNS lookup). */
export function provesNothingSent(code: string | undefined): boolean {
  return code !== undefined && NOTHING_SENT_CODES.has(code);
}

/** The request never got an HTTP response: connection refused or dropped, DNS failure, TLS failure. */
export class ConnectionError extends AgentdeckError {
  override name = "ConnectionError";
  /** The system error code when the runtime gives one, such as `ECONNREFUSED` or `ECONNRESET`. */
  readonly code: string | undefined;
  /** Which API the request was for: `v2` or `registry`. */
  readonly api: ApiName;
  readonly method: string;
  readonly url: string;

  constructor(
    init: RequestInfo & {
      message: string;
      code?: string | undefined;
      cause?: unknown;
    } & AgentdeckErrorOptions,
  ) {
    super(init.message, {
      cause: init.cause,
      mayHaveActed: init.mayHaveActed ?? !provesNothingSent(init.code),
    });
    this.api = init.api;
    this.code = init.code;
    this.method = init.method;
    this.url = init.url;
  }
}

/** The call did not finish within its `timeoutMs`. */
export class TimeoutError extends AgentdeckError {
  override name = "TimeoutError";
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number, options: AgentdeckErrorOptions = {}) {
    super(message, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `signal` aborted the call. */
export class AbortError extends AgentdeckError {
  override name = "AbortError";

  constructor(message = "The call was aborted by its signal.", options: AgentdeckErrorOptions = {}) {
    super(message, options);
  }
}

/** Fields of an `UnreadableResponseError`. */
export type UnreadableResponseInit = RequestInfo & {
  message: string;
  status: number;
  requestId?: string | undefined;
  /** What broke the read, such as `Z_DATA_ERROR` (bad gzip) or `UND_ERR_SOCKET` (connection closed). */
  code?: string | undefined;
};

/**
 * The server answered with a success status, but its body could not be read: cut off, badly
 * compressed, or (`ResponseTooLargeError`) over `maxResponseBytes`. The server did act, so
 * `mayHaveActed` is always true.
 */
export class UnreadableResponseError extends AgentdeckError {
  override name = "UnreadableResponseError";
  readonly status: number;
  /** The `x-request-id` response header: quote it when you contact support. */
  readonly requestId: string | undefined;
  readonly code: string | undefined;
  /** Which API answered: `v2` or `registry`. */
  readonly api: ApiName;
  readonly method: string;
  readonly url: string;

  constructor(init: UnreadableResponseInit) {
    super(init.message, { mayHaveActed: true });
    this.status = init.status;
    this.requestId = init.requestId;
    this.code = init.code;
    this.api = init.api;
    this.method = init.method;
    this.url = init.url;
  }
}

/** The answer's body grew past `maxResponseBytes` (counted after decompression); reading stopped there. */
export class ResponseTooLargeError extends UnreadableResponseError {
  override name = "ResponseTooLargeError";
  readonly maxResponseBytes: number;

  constructor(init: UnreadableResponseInit & { maxResponseBytes: number }) {
    super(init);
    this.maxResponseBytes = init.maxResponseBytes;
  }
}

/** Why `listAll` stopped: the pages it got do not add up to one list. */
export type PaginationProblem = "short_page" | "repeated_page";

/** `listAll` got pages that cannot be one list: a page short of `total`, or the same page twice. */
export class PaginationError extends AgentdeckError {
  override name = "PaginationError";
  /** The page number that broke the walk. */
  readonly page: number;
  readonly problem: PaginationProblem;

  constructor(message: string, page: number, problem: PaginationProblem) {
    super(message);
    this.page = page;
    this.problem = problem;
  }
}

/** An argument broke the request model; thrown before anything is sent. */
export class RequestValidationError extends AgentdeckError {
  override name = "RequestValidationError";
  readonly issues: Issue[];

  constructor(what: string, issues: Issue[]) {
    super(`Invalid ${what}: ${formatIssues(issues)}`);
    this.issues = issues;
  }
}

/** A response body broke the model: the server (or this client) is out of date. `body` is what arrived. */
export class ResponseValidationError extends AgentdeckError {
  override name = "ResponseValidationError";
  readonly issues: Issue[];
  readonly body: unknown;
  /** Which API answered: `v2` or `registry`. */
  readonly api: ApiName;
  readonly method: string;
  readonly url: string;

  constructor(init: RequestInfo & { issues: Issue[]; body: unknown; advice?: string | undefined }) {
    super(
      `${init.method} ${init.url} answered with a body that does not match the model: ${formatIssues(init.issues)}. ` +
        `The API may have changed: update @agentdeck/core, or report it with this body.${init.advice ? ` ${init.advice}` : ""}`,
      // It came with a success status: whatever was asked was done.
      { mayHaveActed: true },
    );
    this.issues = init.issues;
    this.body = init.body;
    this.api = init.api;
    this.method = init.method;
    this.url = init.url;
  }
}

/** `a: must be x; b: must be y`, the form every validation message uses. */
export function formatIssues(issues: readonly Issue[]): string {
  return issues
    .map((issue) => (issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`))
    .join("; ");
}
