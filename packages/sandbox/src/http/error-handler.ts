import type { FastifyReply, FastifyRequest } from "fastify";
import { SandboxError } from "../sandbox-error.ts";
import { apiOf } from "./api.ts";
import { errorBody } from "./error-body.ts";

/** Fastify's own request errors, as a caller should read them. */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "the request body is too large; the limit is %LIMIT%",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "the Content-Type header is not a valid media type; send application/json",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "the request body does not match its Content-Length header",
  FST_ERR_BAD_URL: "the request path is not a valid URL; check its percent-encoding",
  FST_ERR_MAX_PARAM_LENGTH: "a path parameter is too long",
};

/**
 * The one place errors become responses: a SandboxError as the API documents it, fastify's request
 * errors as 400 (or 413 for a body over the limit), anything else as a 500 that also goes to stderr.
 */
export function createErrorHandler(bodyLimit: number) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toSandboxError(error, bodyLimit);
    if (problem.status >= 500 && !(error instanceof SandboxError)) {
      process.stderr.write(
        `agentdeck-sandbox: ${request.method} ${request.url} failed: ${String((error as Error)?.stack ?? error)}\n`,
      );
    }
    if (problem.retryAfterSeconds !== undefined)
      reply.header("retry-after", String(problem.retryAfterSeconds));
    return reply
      .code(problem.status)
      .type("application/json; charset=utf-8")
      .send(errorBody(apiOf(request.url), problem));
  };
}

function toSandboxError(error: unknown, bodyLimit: number): SandboxError {
  if (error instanceof SandboxError) return error;
  const code = (error as { code?: unknown })?.code;
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof code === "string" && code in FRAMEWORK_MESSAGES) {
    const message = (FRAMEWORK_MESSAGES[code] as string).replace("%LIMIT%", `${bodyLimit} bytes`);
    return new SandboxError(code === "FST_ERR_CTP_BODY_TOO_LARGE" ? 413 : 400, message);
  }
  if (typeof status === "number" && status >= 400 && status < 500) {
    return new SandboxError(400, (error as Error).message || "the request is not valid");
  }
  return new SandboxError(
    500,
    "the sandbox failed unexpectedly; this is a bug, please report it with the request",
  );
}
