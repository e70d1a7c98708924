/** Registry error codes, by the HTTP status they go with. */
const REGISTRY_CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  422: "validation_errors",
  429: "too_many_requests",
  500: "internal_server_error",
  502: "bad_gateway",
  503: "service_unavailable",
};

/**
 * A failure the sandbox reports to the caller: the store and the routes throw it, and the error handler
 * turns it into the body the API documents (`{code, message}` for v2, `{status: "error", code, message}`
 * for the registry).
 */
export class SandboxError extends Error {
  override readonly name = "SandboxError";
  /** The HTTP status it answers with. */
  readonly status: number;
  /** The registry's error code; derived from the status unless given. */
  readonly code: string;
  /** Registry `validation_errors`: messages per field path such as `details.name`. */
  readonly errors: Record<string, string[]> | undefined;
  /** Sent as `Retry-After` with a 429 or 503. */
  readonly retryAfterSeconds: number | undefined;
  /** Answered as `text/plain` with the message alone, as the v2 file routes document their errors. */
  readonly plainText: boolean;

  constructor(
    status: number,
    message: string,
    options: {
      code?: string;
      errors?: Record<string, string[]>;
      retryAfterSeconds?: number;
      plainText?: boolean;
    } = {},
  ) {
    super(message);
    this.status = status;
    this.code =
      options.code ?? REGISTRY_CODES[status] ?? (status >= 500 ? "internal_server_error" : "bad_request");
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.plainText = options.plainText ?? false;
  }
}

export const badRequest = (message: string) => new SandboxError(400, message);
export const notFound = (message: string) => new SandboxError(404, message);
export const conflict = (message: string, code?: string) =>
  new SandboxError(409, message, code === undefined ? {} : { code });

/** An error of a v2 file route, answered as the vendor documents them: a fixed sentence in text/plain. */
export const fileRouteError = (status: number, message: string) =>
  new SandboxError(status, message, { plainText: true });
