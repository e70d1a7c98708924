import ky from "ky";
import type * as z from "zod";
import { CallOptions } from "./call-options.ts";
import { connectionError } from "./connection-error.ts";
import { startDeadline } from "./deadline.ts";
import { type AgentdeckError, type ApiName, ConnectionError, ResponseValidationError } from "./errors.ts";
import { withExtraBody, withExtraQuery } from "./extra-params.ts";
import { howToFindOut } from "./fate.ts";
import { logAttempt } from "./log.ts";
import { readBody } from "./read-body.ts";
import { type Redact, redactDeep } from "./redact.ts";
import { apiErrorFrom } from "./response-error.ts";
import { decideRetry, parseRetryAfter, type RetryPolicy, type RetryTiming } from "./retry.ts";
import { sleep } from "./sleep.ts";
import { unreadableResponseError } from "./unreadable-response.ts";
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
  /** Largest response body read, after decompression. */
  maxResponseBytes: number;
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
  /** Sent as JSON. */
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

/** The call's options, checked; most calls pass none, and skip the parse. */
function callOptions(options: CallOptions): CallOptions {
  return Object.keys(options).length === 0 ? options : parseRequest(CallOptions, options, "options");
}

/** One request, resolved against its client: what every attempt of it needs. */
type Prepared<S extends z.ZodType | undefined> = {
  transport: Transport;
  request: ApiRequest<S>;
  url: string;
  /** `url` with every secret redacted: the only form that goes into errors. */
  shownUrl: () => string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal;
  fetch: typeof globalThis.fetch;
  maxResponseBytes: number;
  startedAt: number;
};

/** For a write that may not be repeated, how to find out what it did (redacted); "" for any other request. */
function adviceFor(prepared: Prepared<z.ZodType | undefined>): string {
  const { request, body, startedAt } = prepared;
  if (request.retry === "safe") return "";
  return prepared.transport.redact(
    howToFindOut({ method: request.method, path: request.path, body, startedAt }),
  );
}

function parseSuccess<S extends z.ZodType>(
  prepared: Prepared<z.ZodType | undefined>,
  schema: S,
  text: string,
): z.output<S> {
  const { request, transport } = prepared;
  const { redact } = transport;
  const fail = (body: unknown, issues: { path: string; message: string }[]) =>
    new ResponseValidationError({
      api: request.api,
      method: request.method,
      url: prepared.shownUrl(),
      body,
      issues: issues.map((issue) => ({ path: redact(issue.path), message: redact(issue.message) })),
      advice: adviceFor(prepared),
    });
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    throw fail(redact(text), [{ path: "", message: "is not JSON" }]);
  }
  // The input on each issue (only read on failure) lets a missing field be told from a wrong one.
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  throw fail(redactDeep(body, redact), toIssues(result.error));
}

/** How one attempt ended: with the result, or with an error that a retry might cure. */
type Attempt<T> = { ok: true; value: T } | { ok: false; failure: AgentdeckError };

/**
 * Makes one attempt, reads its body under the call's deadline, and logs it. Throws only what no
 * retry can cure (abort, timeout, a body that breaks its model). `actedBefore`: an earlier attempt
 * may have acted.
 */
async function attempt<S extends z.ZodType | undefined>(
  prepared: Prepared<S>,
  retries: number,
  actedBefore: boolean,
  stopped: (mayHaveActed: boolean) => AgentdeckError,
): Promise<Attempt<Result<S>>> {
  const { transport, request, url, headers, signal, fetch } = prepared;
  const { redact } = transport;
  const started = Date.now();
  const log = (outcome: number | string) =>
    logAttempt(
      { method: request.method, url, outcome, durationMs: Date.now() - started, retry: retries },
      redact,
    );
  const info = () => ({ api: request.api, method: request.method, url: prepared.shownUrl() });
  let response: Response;
  let read: Awaited<ReturnType<typeof readBody>>;
  try {
    response = await ky(url, {
      method: request.method,
      headers,
      // A FormData body goes as multipart (fetch sets the boundary); anything else as JSON.
      ...(prepared.body instanceof FormData ? { body: prepared.body } : { json: prepared.body }),
      // The call's signal goes to fetch itself, not through ky: ky would compose it with its own
      // (AbortSignal.any) into a Request that Node's fetch stops hearing once that Request is
      // garbage collected (see read-body.ts); given to fetch, it is followed directly.
      fetch: (input, init) => fetch(input, { ...init, signal }),
      // A followed redirect would carry the API key header to wherever it points.
      redirect: "manual",
      // Retries, timeouts and error mapping are ours (see retry.ts): ky makes exactly one attempt.
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
    });
    read = await readBody(response, signal, prepared.maxResponseBytes);
  } catch (error) {
    if (signal.aborted) {
      const failure = stopped(true);
      log(failure.name);
      throw failure;
    }
    const failure = connectionError(error, info(), redact, { actedBefore, advice: adviceFor(prepared) });
    log(failure instanceof ConnectionError ? (failure.code ?? "error") : "error");
    // Only a ConnectionError may be retried (see retry.ts); anything else is thrown from there.
    return { ok: false, failure };
  }
  log(response.status);
  if (response.ok) {
    if (!read.ok) {
      const failure = unreadableResponseError({
        ...info(),
        response,
        read,
        maxResponseBytes: prepared.maxResponseBytes,
        advice: adviceFor(prepared),
        redact,
      });
      return { ok: false, failure };
    }
    // Parsing is synchronous and bounded by maxResponseBytes: a body read in time is parsed in time.
    const value =
      request.response === undefined ? undefined : parseSuccess(prepared, request.response, read.text);
    return { ok: true, value: value as Result<S> };
  }
  const failure = apiErrorFrom({
    ...info(),
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    // An error status says enough on its own when its body cannot be read.
    text: read.ok ? read.text : "",
    credentialSent: Object.keys(transport.endpoints[request.api].headers).length > 0,
    retries,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    // Undefined lets the status decide (a 5xx may have acted, a 4xx did not).
    mayHaveActed: actedBefore ? true : undefined,
    advice: adviceFor(prepared),
    redact,
  });
  return { ok: false, failure };
}

/**
 * Sends one API request: retries it as its policy allows, logs every attempt, and returns the parsed
 * body or throws the matching `AgentdeckError`. The call's deadline covers every attempt, every wait
 * between them, and reading and parsing the body.
 */
export async function send<S extends z.ZodType | undefined>(
  transport: Transport,
  request: ApiRequest<S>,
  options: CallOptions = {},
): Promise<Result<S>> {
  const { signal, timeoutMs, maxResponseBytes, extraBody, extraQuery } = callOptions(options);
  const endpoint = transport.endpoints[request.api];
  const url = urlOf(endpoint, request.path, withExtraQuery(request.query, extraQuery));
  const body = withExtraBody(request.method, request.body, extraBody);
  let shownUrl: string | undefined;
  const headers = {
    // Status updates and user messages answer with a plain-text confirmation.
    accept: request.response === undefined ? "application/json, text/plain;q=0.9" : "application/json",
    "user-agent": transport.userAgent,
    ...endpoint.headers,
    ...request.headers,
  };
  const deadline = startDeadline(signal, timeoutMs ?? transport.timeoutMs);
  const prepared: Prepared<S> = {
    transport,
    request,
    url,
    shownUrl: () => {
      shownUrl ??= transport.redact(url);
      return shownUrl;
    },
    headers,
    body,
    signal: deadline.signal,
    fetch: transport.fetch ?? globalThis.fetch,
    maxResponseBytes: maxResponseBytes ?? transport.maxResponseBytes,
    startedAt: Date.now(),
  };
  const stopped = (mayHaveActed: boolean): AgentdeckError =>
    deadline.error(`${request.method} ${prepared.shownUrl()}`, { mayHaveActed, advice: adviceFor(prepared) });
  let mayHaveActed = false;
  try {
    for (let retries = 0; ; retries++) {
      if (deadline.signal.aborted) throw stopped(mayHaveActed);
      const outcome: Attempt<Result<S>> = await attempt(prepared, retries, mayHaveActed, stopped);
      if (outcome.ok) return outcome.value;
      mayHaveActed = outcome.failure.mayHaveActed;
      const decision = decideRetry({
        error: outcome.failure,
        policy: request.retry,
        retries,
        maxRetries: transport.maxRetries,
        timing: transport.timing,
      });
      // Sleeping past the deadline would only trade the real cause for a TimeoutError.
      if (!decision.retry || decision.delayMs >= deadline.remainingMs()) throw outcome.failure;
      // A sleep cut short by the signal ends the call at the top of the loop.
      await sleep(decision.delayMs, deadline.signal).catch(() => {});
    }
  } finally {
    deadline.dispose();
  }
}
