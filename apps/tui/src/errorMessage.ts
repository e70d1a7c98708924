import {
  AbortError,
  ApiError,
  ApiErrorBody,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RegistryErrorBody,
  RequestValidationError,
  ResponseValidationError,
  TimeoutError,
} from "@agentdeck/core";
import { sanitize } from "./sanitize.ts";

/** How an error reads on screen: what happened and what to do, plus messages by form field. */
export type ErrorMessage = {
  readonly text: string;
  /** Field path (`name`, `executionOptions.softTimeoutMins`) to its message, where the error names fields. */
  readonly fields: Readonly<Record<string, string>>;
};

/** An aborted request is the UI changing its mind, never something to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof AbortError || (error instanceof Error && error.name === "AbortError");
}

function isRegistry(error: ApiError | ConnectionError): boolean {
  return /\/api\/v1(\/|\?|$)/.test(error.url);
}

/** What the server said, without the method, URL and library advice core adds around it. */
function serverSaid(error: ApiError): string {
  const v2 = ApiErrorBody.safeParse(error.body);
  if (v2.success) return v2.data.message;
  const registry = RegistryErrorBody.safeParse(error.body);
  if (registry.success) return registry.data.message;
  return error.message;
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the server";
  }
}

/**
 * Turns anything a call can throw into a message that says what to do next. The text is
 * sanitised (it may quote the server) and never holds a key: core keeps keys out of its errors.
 */
export function errorMessage(error: unknown, doing?: string): ErrorMessage {
  const prefix = doing ? `Could not ${doing}: ` : "";
  const say = (text: string, fields: Record<string, string> = {}): ErrorMessage => ({
    text: sanitize(prefix + text),
    fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, sanitize(v)])),
  });
  if (error instanceof AuthenticationError) {
    return isRegistry(error)
      ? say(
          "the registry refused the token (401). Set AGENT_REGISTRY_TOKEN (and AGENT_REGISTRY_URL) to a valid token, or use --profile.",
        )
      : say(
          "the API refused the key (401). Set ASTEROID_API_KEY to a valid key (or pick a profile with --profile) and restart agentdeck.",
        );
  }
  if (error instanceof PermissionDeniedError) {
    return say(
      `not allowed (403): ${serverSaid(error)}. Check the key's organization (ASTEROID_ORGANIZATION_ID) and role.`,
    );
  }
  if (error instanceof NotFoundError) {
    return say(`not found (404): ${serverSaid(error)}. It may have been removed; press R to refresh.`);
  }
  if (error instanceof ConflictError) {
    return say(`${serverSaid(error)} (409).`, registryFields(error));
  }
  if (error instanceof RateLimitError) {
    const wait = error.retryAfterMs === undefined ? "a moment" : `${Math.ceil(error.retryAfterMs / 1000)}s`;
    return say(`too many requests (429). Wait ${wait}, then try again (R refreshes).`);
  }
  if (error instanceof InternalServerError) {
    return say(
      `the server failed (${error.status}): ${serverSaid(error)}. Nothing you typed is lost; try again in a moment.`,
    );
  }
  if (error instanceof ApiError) {
    return say(`${serverSaid(error)} (${error.status}).`, registryFields(error));
  }
  if (error instanceof ConnectionError) {
    const setting = isRegistry(error) ? "AGENT_REGISTRY_URL" : "ASTEROID_BASE_URL";
    return say(
      `cannot reach ${host(error.url)} (${error.code ?? "connection failed"}). Check the network and ${setting}; press R to retry.`,
    );
  }
  if (error instanceof TimeoutError) {
    return say(
      `no answer within ${Math.round(error.timeoutMs / 1000)}s. The server may be slow; press R to retry.`,
    );
  }
  if (error instanceof RequestValidationError) {
    return say(
      error.issues
        .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
        .join("; "),
      Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message])),
    );
  }
  if (error instanceof ResponseValidationError) {
    return say(
      "the server sent data this version of agentdeck does not understand. Update agentdeck, or report it.",
    );
  }
  if (error instanceof Error) return say(error.message);
  return say(String(error));
}

/** The registry's `validation_errors` map, flattened to one message per field. */
function registryFields(error: ApiError): Record<string, string> {
  if (error.errors === undefined) return {};
  return Object.fromEntries(
    Object.entries(error.errors).map(([path, messages]) => [
      path.replace(/^details\./, ""),
      messages.join("; "),
    ]),
  );
}
