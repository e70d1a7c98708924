import ky, { isNetworkError } from "ky";
import type * as z from "zod";
import { CallOptions } from "./call-options.ts";
import { startDeadline } from "./deadline.ts";
import { AgentdeckError, type ApiName, ConnectionError, ResponseValidationError } from "./errors.ts";
import { logAttempt } from "./log.ts";
import { type Redact, redactDeep } from "./redact.ts";
import { apiErrorFrom } from "./response-error.ts";
import { decideRetry, parseRetryAfter, type RetryPolicy, type RetryTiming } from "./retry.ts";
import { sleep } from "./sleep.ts";
import { parseRequest, toIssues } from "./validate.ts";

/** Where one API lives and how to authenticate to it. */
export type Endpoint = {
  baseUrl: string;
  /** Auth headers; empty when no credential was configured. */
  headers: Record<string, string>;
};

/** Everything a client's requests share: built once per client, never shared between clients. */
export type Transport = {
  endpoints: Record<ApiName, Endpoint>;
  userAgent: string;
  timeoutMs: number;
  maxRetries: number;
  timing: RetryTiming;
  fetch: typeof globalThis.fetch | undefined;
  redact: Redact;
};

/** One request a resource method wants made. */
export type ApiRequest<S extends z.ZodType | undefined> = {
  api: ApiName;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Relative to the API's base URL, path parameters already validated and encoded. */
  path: string;
  query?: URLSearchParams | undefined;
  body?: unknown;
  headers?: Record<string, string> | undefined;
  retry: RetryPolicy;
  /** The model of a successful body; undefined when the body is a fixed message worth nothing to the caller. */
  response: S;
};

type Result<S> = S extends z.ZodType ? z.output<S> : undefined;

function urlOf(endpoint: Endpoint, path: string, query: URLSearchParams | undefined): string {
  const search = query?.toString();
  return `${endpoint.baseUrl.replace(/\/+$/, "")}/${path}${search ? `?${search}` : ""}`;
}

// The system error under fetch's generic "fetch failed": its `code` says whether anything was sent.
function systemCause(error: unknown): { code: string | undefined; cause: unknown } {
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

function connectionError(
  error: unknown,
  api: ApiName,
  method: string,
  url: string,
  redact: Redact,
): AgentdeckError {
  if (!isNetworkError(error) && !(error instanceof TypeError && error.message === "terminated")) {
    // Not a network failure: a bad header value, a broken custom fetch. Its message may quote a
    // header (the key), so only a redacted copy leaves, and no cause that holds the request.
    const message = error instanceof Error ? error.message : String(error);
    return new AgentdeckError(redact(`${method} ${url} could not be sent: ${message}`));
  }
  // ky's NetworkError carries the Request (and its auth header): keep only what lies beneath it.
  const { code, cause } = systemCause(error.cause ?? error);
  const detail = cause instanceof Error ? cause.message : "";
  return new ConnectionError({
    api,
    method,
    url,
    code,
    cause,
    message: redact(
      `${method} ${url} got no response${code ? ` (${code})` : ""}${detail ? `: ${detail}` : ""}. ` +
        "Check the base URL and your network connection.",
    ),
  });
}

function parseSuccess<S extends z.ZodType>(
  schema: S,
  text: string,
  api: ApiName,
  method: string,
  url: string,
  redact: Redact,
) {
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    throw new ResponseValidationError({
      api,
      method,
      url,
      body: redact(text),
      issues: [{ path: "", message: "is not JSON" }],
    });
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ResponseValidationError({
    api,
    method,
    url,
    body: redactDeep(body, redact),
    issues: toIssues(result.error),
  });
}

/** One request, resolved against its client: what every attempt of it needs. */
type Prepared<S extends z.ZodType | undefined> = {
  transport: Transport;
  request: ApiRequest<S>;
  url: string;
  /** `url` with every secret redacted: the only form that goes into errors. */
  shownUrl: string;
  headers: Record<string, string>;
  signal: AbortSignal;
};

/** How one attempt ended: with the result, or with an error that a retry might cure. */
type Attempt<T> =
  | { ok: true; value: T }
  | { ok: false; failure: AgentdeckError; retryAfterMs?: number | undefined };

/** Makes one attempt and logs it. Throws only what no retry can cure (abort, timeout, a broken body). */
async function attempt<S extends z.ZodType | undefined>(
  prepared: Prepared<S>,
  retries: number,
  abortError: () => AgentdeckError,
): Promise<Attempt<Result<S>>> {
  const { transport, request, url, shownUrl, headers, signal } = prepared;
  const { redact } = transport;
  const started = Date.now();
  const log = (outcome: number | string) =>
    logAttempt(
      { method: request.method, url, outcome, durationMs: Date.now() - started, retry: retries },
      redact,
    );
  let response: Response;
  let text: string;
  try {
    response = await ky(url, {
      method: request.method,
      headers,
      // A FormData body goes as multipart (fetch sets the boundary); anything else as JSON.
      ...(request.body instanceof FormData ? { body: request.body } : { json: request.body }),
      signal,
      fetch: transport.fetch,
      // A followed redirect would carry the API key header to wherever it points.
      redirect: "manual",
      // Retries, timeouts and error mapping are ours (see retry.ts): ky makes exactly one attempt.
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
    });
    text = await response.text();
  } catch (error) {
    if (signal.aborted) {
      const failure = abortError();
      log(failure.name);
      throw failure;
    }
    const failure = connectionError(error, request.api, request.method, shownUrl, redact);
    log(failure instanceof ConnectionError ? (failure.code ?? "error") : "error");
    if (!(failure instanceof ConnectionError)) throw failure;
    return { ok: false, failure };
  }
  log(response.status);
  if (response.ok) {
    const value =
      request.response === undefined
        ? undefined
        : parseSuccess(request.response, text, request.api, request.method, shownUrl, redact);
    return { ok: true, value: value as Result<S> };
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  const failure = apiErrorFrom({
    api: request.api,
    method: request.method,
    url: shownUrl,
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    text,
    credentialSent: Object.keys(transport.endpoints[request.api].headers).length > 0,
    retries,
    retryAfterMs,
    redact,
  });
  return { ok: false, failure, retryAfterMs };
}

/**
 * Sends one API request: retries it as its policy allows, logs every attempt, and returns the parsed
 * body or throws the matching `AgentdeckError`.
 */
export async function send<S extends z.ZodType | undefined>(
  transport: Transport,
  request: ApiRequest<S>,
  options: CallOptions = {},
): Promise<Result<S>> {
  const { signal, timeoutMs } = parseRequest(CallOptions, options, "options");
  const endpoint = transport.endpoints[request.api];
  const url = urlOf(endpoint, request.path, request.query);
  const shownUrl = transport.redact(url);
  const headers = {
    // Status updates and user messages answer with a plain-text confirmation.
    accept: request.response === undefined ? "application/json, text/plain;q=0.9" : "application/json",
    "user-agent": transport.userAgent,
    ...endpoint.headers,
    ...request.headers,
  };
  const deadline = startDeadline(signal, timeoutMs ?? transport.timeoutMs);
  const prepared: Prepared<S> = { transport, request, url, shownUrl, headers, signal: deadline.signal };
  const stopped = () => deadline.error(`${request.method} ${shownUrl}`);
  try {
    for (let retries = 0; ; retries++) {
      if (deadline.signal.aborted) throw stopped();
      const outcome = await attempt(prepared, retries, stopped);
      if (outcome.ok) return outcome.value;
      const decision = decideRetry({
        error: outcome.failure,
        policy: request.retry,
        retries,
        maxRetries: transport.maxRetries,
        timing: transport.timing,
        retryAfterMs: outcome.retryAfterMs,
      });
      // Sleeping past the deadline would only trade the real cause for a TimeoutError.
      if (!decision.retry || decision.delayMs >= deadline.remainingMs()) throw outcome.failure;
      await sleep(decision.delayMs, deadline.signal).catch(() => {
        throw stopped();
      });
    }
  } finally {
    deadline.dispose();
  }
}
