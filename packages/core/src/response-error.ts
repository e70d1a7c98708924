import {
  ApiError,
  type ApiErrorInit,
  type ApiName,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./errors.ts";
import { ApiErrorBody, RegistryErrorBody } from "./models/error-body.ts";
import type { Redact } from "./redact.ts";
import { redactDeep } from "./redact.ts";

/** A failed response, read whole. */
export type FailedResponse = {
  api: ApiName;
  method: string;
  url: string;
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
  /** Whether a key or token was sent at all: a 401 without one needs different advice. */
  credentialSent: boolean;
  /** Retries already made, so a 5xx message can say the client did try again. */
  retries: number;
  retryAfterMs: number | undefined;
  /** Whether this or an earlier attempt may have been carried out; a 5xx's own default when undefined. */
  mayHaveActed?: boolean | undefined;
  /** How to find out what happened, added to the message when the request may have been carried out. */
  advice?: string | undefined;
  redact: Redact;
};

const MAX_TEXT_IN_MESSAGE = 300;

function parseBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

type Parsed = { code?: number | string; serverMessage?: string; errors?: Record<string, string[]> };

// Either API's envelope is accepted from either base URL: a proxy or the sandbox may answer for both.
function readBody(body: unknown): Parsed {
  const v2 = ApiErrorBody.safeParse(body);
  if (v2.success) return { code: v2.data.code, serverMessage: v2.data.message };
  const registry = RegistryErrorBody.safeParse(body);
  if (registry.success) {
    const { code, message } = registry.data;
    return "errors" in registry.data
      ? { code, serverMessage: message, errors: registry.data.errors }
      : { code, serverMessage: message };
  }
  if (typeof body === "string") return { serverMessage: body.trim().slice(0, MAX_TEXT_IN_MESSAGE) };
  return {};
}

function advice(response: FailedResponse, parsed: Parsed): string {
  const { status, api } = response;
  if (status >= 300 && status < 400) {
    const location = response.headers.get("location");
    return `The server redirected${location ? ` to ${location}` : ""}; the client does not follow redirects, so credentials never go elsewhere. Set the base URL to the final address.`;
  }
  if (status === 401) {
    if (api === "registry") {
      return response.credentialSent
        ? "Check the registry token: pass registry.token to createClient or set AGENT_REGISTRY_TOKEN."
        : "No registry token was given: pass registry.token to createClient or set AGENT_REGISTRY_TOKEN.";
    }
    return response.credentialSent
      ? "Check the API key: pass apiKey to createClient or set ASTEROID_API_KEY."
      : "No API key was given: pass apiKey to createClient or set ASTEROID_API_KEY.";
  }
  if (status === 403)
    return "The credentials are valid but may not do this: check they belong to the organization that owns it.";
  if (status === 404)
    return "Check the id and the base URL; the resource may be in another organization or deleted.";
  if (status === 409) return "It conflicts with the current state: fetch it again, then retry your change.";
  if (status === 429) {
    const wait =
      response.retryAfterMs === undefined
        ? ""
        : ` (the server asks for ${Math.ceil(response.retryAfterMs / 1000)} s)`;
    return `Too many requests: wait${wait} and try again, or send fewer requests.`;
  }
  if (status >= 500) {
    const tried = response.retries > 0 ? ` It failed ${response.retries + 1} times.` : "";
    return `The server failed.${tried} Try again later.`;
  }
  if (parsed.errors) {
    const fields = Object.entries(parsed.errors).map(
      ([field, messages]) => `${field}: ${messages.join(", ")}`,
    );
    return `Fix these fields: ${fields.join("; ")}.`;
  }
  if (status === 400 || status === 422) return "The API refused the request: fix what it names.";
  return "";
}

/** The `ApiError` subclass for a status. */
function classFor(status: number): new (init: ApiErrorInit) => ApiError {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : ApiError;
  }
}

/** Turns a failed response into the right `ApiError` subclass, with a message that says what to do and every secret redacted. */
export function apiErrorFrom(response: FailedResponse): ApiError {
  const { redact } = response;
  const body = redactDeep(parseBody(response.text), redact);
  const parsed = readBody(body);
  const header = response.headers.get("x-request-id");
  const requestId = header === null ? undefined : redact(header);
  const said = parsed.serverMessage
    ? `: ${parsed.serverMessage}`
    : response.statusText
      ? `: ${response.statusText}`
      : "";
  const mayHaveActed = response.mayHaveActed ?? response.status >= 500;
  const message = [
    `${response.method} ${response.url} failed with ${response.status}${said}.`,
    advice(response, parsed),
    mayHaveActed ? (response.advice ?? "") : "",
    requestId ? `(request id ${requestId})` : "",
  ]
    .filter((part) => part !== "")
    .join(" ");
  const init: ApiErrorInit = {
    api: response.api,
    status: response.status,
    code: parsed.code,
    message: redact(message),
    requestId,
    body,
    errors: parsed.errors,
    serverMessage: parsed.serverMessage,
    method: response.method,
    url: response.url,
    retryAfterMs: response.retryAfterMs,
    mayHaveActed,
  };
  const ErrorClass = classFor(response.status);
  return new ErrorClass(init);
}
