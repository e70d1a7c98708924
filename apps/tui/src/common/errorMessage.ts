import {
  AbortError,
  AgentdeckError,
  ApiError,
  type ApiName,
  AuthenticationError,
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
  UnreadableResponseError,
} from "@agentdeck/core";
import type { CredentialSource, Credentials } from "./credentials.ts";
import { sanitize } from "./sanitize.ts";

/** How an error reads on screen: what happened and what to do, plus messages by form field. */
export type ErrorMessage = {
  readonly text: string;
  /** Field path (`name`, `executionOptions.softTimeoutMins`) to its message, where the error names fields. */
  readonly fields: Readonly<Record<string, string>>;
};

/** What the advice may say: it names only keys that work where the user is. */
export type ErrorContext = {
  /** Completes "Could not …": `load the pools`. */
  readonly doing?: string | undefined;
  /** The key that tries again in the view the message shows in (`R`, `Ctrl+S`); none, none is named. */
  readonly retryKey?: string | undefined;
  readonly credentials?: Credentials | undefined;
  /**
   * For a request that may have created something or started a run: how to find out whether it
   * did, said instead of "try again" when the answer was lost (sending it again could do it twice).
   */
  readonly ifActed?: string | undefined;
};

/** An aborted request is the UI changing its mind, never something to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof AbortError || (error instanceof Error && error.name === "AbortError");
}

/** Whether the server may have carried out the request that failed: core's word on it (`err.mayHaveActed`). */
function mayHaveActed(error: unknown): boolean {
  return error instanceof AgentdeckError && error.mayHaveActed;
}

/**
 * A few words on what went wrong, for a status line that says a check failed and will be tried
 * again (`503: busy`, `no connection (ECONNRESET)`); sanitised.
 */
export function briefError(error: unknown): string {
  if (error instanceof ApiError) return sanitize(`${error.status}: ${serverSaid(error)}`);
  if (error instanceof ConnectionError) return `no connection (${sanitize(error.code ?? "failed")})`;
  if (error instanceof TimeoutError) return `no answer within ${Math.round(error.timeoutMs / 1000)}s`;
  if (error instanceof UnreadableResponseError)
    return `an answer that could not be read (${sanitize(error.code ?? "cut off")})`;
  return sanitize(error instanceof Error ? error.message : String(error));
}

/** What the server said (core's `serverMessage`), or that it said nothing. */
function serverSaid(error: ApiError): string {
  return error.serverMessage || "no details";
}

/** The advice core wrote after what the server said (core's message is `METHOD URL failed with N…. Advice`). */
function coreAdvice(error: ApiError): string {
  const advice = error.message
    .replace(/^.*? failed with \d+(: .*?)?\. /s, "")
    .replace(/\s*\(request id [^)]*\)$/, "");
  return advice === error.message ? "" : ` ${advice}`;
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the server";
  }
}

const SETTINGS: Readonly<Record<ApiName, { key: string; field: string; url: string; what: string }>> = {
  v2: { key: "ASTEROID_API_KEY", field: "apiKey", url: "ASTEROID_BASE_URL", what: "the API refused the key" },
  registry: {
    key: "AGENT_REGISTRY_TOKEN",
    field: "registryToken",
    url: "AGENT_REGISTRY_URL",
    what: "the registry refused the token",
  },
};

function refused(api: ApiName, source: CredentialSource | undefined): string {
  const setting = SETTINGS[api];
  if (source?.kind === "profile") {
    return `${setting.what} of profile "${source.profile}" (401). Fix ${setting.field} in profile "${source.profile}" of ${source.configPath} (or set ${setting.key}), then restart agentdeck.`;
  }
  if (source?.kind === "sandbox")
    return `${setting.what} (401): the embedded sandbox should not do this; please report it.`;
  return api === "registry"
    ? `${setting.what} (401). Set ${setting.key} (and ${setting.url}) to a valid token, or use --profile, then restart agentdeck.`
    : `${setting.what} (401). Set ${setting.key} to a valid key (or pick a profile with --profile) and restart agentdeck.`;
}

/**
 * Turns anything a call can throw into a message that says what to do next, naming only keys
 * that work where it is shown. The text is sanitised (it may quote the server) and never holds a
 * key: core keeps keys out of its errors.
 */
export function errorMessage(error: unknown, context: ErrorContext = {}): ErrorMessage {
  const prefix = context.doing ? `Could not ${context.doing}: ` : "";
  const say = (text: string, fields: Record<string, string> = {}): ErrorMessage => ({
    text: sanitize(prefix + text),
    fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, sanitize(v)])),
  });
  const retry = (what: string, otherwise: string) =>
    context.retryKey ? `; press ${context.retryKey} to ${what}.` : `; ${otherwise}.`;
  // When the request may have done its work, say how to find out rather than to send it again.
  const lost = context.ifActed !== undefined && mayHaveActed(error) ? ` ${context.ifActed}` : undefined;

  if (error instanceof AuthenticationError) return say(refused(error.api, context.credentials?.[error.api]));
  if (error instanceof PermissionDeniedError) {
    return say(
      `not allowed (403): ${serverSaid(error)}. Check the key's organization (ASTEROID_ORGANIZATION_ID) and role.`,
    );
  }
  if (error instanceof NotFoundError) {
    return say(
      `not found (404): ${serverSaid(error)}. It may have been removed${retry("refresh", "refresh the list")}`,
    );
  }
  if (error instanceof ConflictError) return say(`${serverSaid(error)} (409).`, registryFields(error));
  if (error instanceof RateLimitError) {
    const wait = error.retryAfterMs === undefined ? "a moment" : `${Math.ceil(error.retryAfterMs / 1000)}s`;
    return say(
      `too many requests (429). Wait ${wait}${context.retryKey ? `, then press ${context.retryKey}` : ", then try again"}.`,
    );
  }
  if (error instanceof InternalServerError) {
    const id = error.requestId ? ` (request id ${error.requestId})` : "";
    return say(
      `the server failed (${error.status}): ${serverSaid(error)}${id}.${lost ?? ` Nothing you typed is lost${retry("try again", "try again in a moment")}`}`,
    );
  }
  if (error instanceof ApiError) {
    return say(`${serverSaid(error)} (${error.status}).${coreAdvice(error)}`, registryFields(error));
  }
  if (error instanceof ConnectionError) {
    const reach = `cannot reach ${host(error.url)} (${error.code ?? "connection failed"}). Check the network and ${SETTINGS[error.api].url}`;
    return say(lost ? `${reach}.${lost}` : `${reach}${retry("retry", "then try again")}`);
  }
  if (error instanceof TimeoutError) {
    const slow = `no answer within ${Math.round(error.timeoutMs / 1000)}s. The server may be slow`;
    return say(lost ? `${slow}.${lost}` : `${slow}${retry("retry", "try again in a moment")}`);
  }
  if (error instanceof RequestValidationError) {
    return say(
      error.issues
        .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
        .join("; "),
      Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message])),
    );
  }
  if (error instanceof ResponseTooLargeError) {
    const mib = Math.round(error.maxResponseBytes / 1024 / 1024);
    return say(
      `the server's answer was larger than ${mib} MiB, the most agentdeck reads, so it was not read.${lost ?? ""}`,
    );
  }
  if (error instanceof UnreadableResponseError) {
    return say(
      `the server answered (${error.status}), but its answer could not be read (${error.code ?? "cut off"}).${lost ?? ` Check the network${retry("try again", "then try again")}`}`,
    );
  }
  if (error instanceof PaginationError) {
    return say(`the server's pages do not add up to one list (page ${error.page}: ${error.problem}).`);
  }
  if (error instanceof ResponseValidationError) {
    return say(
      `the server sent data this version of agentdeck does not understand. Update agentdeck, or report it.${lost ?? ""}`,
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
