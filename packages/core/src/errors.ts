/** One problem with a value: a dotted field path (`tempFiles[0].id`, `""` for the value itself) and what is allowed. */
export type Issue = { path: string; message: string };

// Fields that could hold credentials: never serialised, even if something puts them on an error.
const UNSERIALISED = new Set(["headers", "request", "response", "cause", "stack"]);

/** Base class of every error `@agentdeck/core` throws. */
export class AgentdeckError extends Error {
  override name = "AgentdeckError";

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
  /** Which API answered: `v2` or `registry`. */
  readonly api: ApiName;
  readonly method: string;
  readonly url: string;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.api = init.api;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.body = init.body;
    this.errors = init.errors;
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
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit & { retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 5xx: the server failed. */
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
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

  constructor(init: RequestInfo & { message: string; code?: string | undefined; cause?: unknown }) {
    super(init.message, { cause: init.cause });
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

  constructor(message: string, timeoutMs: number) {
    super(message);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `signal` aborted the call. */
export class AbortError extends AgentdeckError {
  override name = "AbortError";

  constructor(message = "The call was aborted by its signal.", options?: { cause?: unknown }) {
    super(message, options);
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

  constructor(init: RequestInfo & { issues: Issue[]; body: unknown }) {
    super(
      `${init.method} ${init.url} answered with a body that does not match the model: ${formatIssues(init.issues)}. ` +
        "The API may have changed: update @agentdeck/core, or report it with this body.",
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
