import type { Socket } from "node:net";
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
  return (error: unknown, request: FastifyRequest, reply: FastifyReply) =>
    sendProblem(toSandboxError(error, bodyLimit), error, request, reply);
}

/**
 * Fastify's errors raised before any hook runs (a malformed URL, a path parameter too long): the
 * credentials are checked first all the same, so a caller without them learns that before anything else.
 */
export function createFrameworkErrorHandler(
  bodyLimit: number,
  authError: (request: FastifyRequest) => SandboxError | undefined,
) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply) =>
    sendProblem(authError(request) ?? toSandboxError(error, bodyLimit), error, request, reply);
}

/**
 * Requests node's HTTP parser refuses before fastify sees them (a bare LF in a header, a malformed
 * request line): answered 400 with the documented body of the API the request line names, then closed.
 */
export function clientErrorHandler(error: Error, socket: Socket) {
  if (socket.destroyed || !socket.writable) return;
  const { rawPacket, code } = error as Error & { rawPacket?: Buffer; code?: string };
  const requestLine = rawPacket?.toString("latin1").split(/\r?\n/, 1)[0] ?? "";
  const path = requestLine.split(" ")[1] ?? "/";
  const tooLarge = code === "HPE_HEADER_OVERFLOW";
  const problem = new SandboxError(
    tooLarge ? 431 : 400,
    tooLarge
      ? "the request headers are too large"
      : "the request is not valid HTTP (for example a header line ending in a bare LF); check how it is built",
  );
  const body = JSON.stringify(errorBody(apiOf(path), problem));
  socket.end(
    `HTTP/1.1 ${problem.status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}\r\n` +
      `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `connection: close\r\n\r\n${body}`,
  );
}

/** The v2 file routes, which document their errors as fixed sentences in text/plain. */
const FILE_ROUTE = /\/(temp-files|context-files)(\/|$)/;

/**
 * A file route's own errors are already plain text; one raised before its handler (malformed JSON, a
 * body over the limit) is made plain text too, as the SDKs document every error of those routes.
 */
function asFileRouteError(problem: SandboxError, request: FastifyRequest): SandboxError {
  if (problem.plainText || problem.status === 401 || !FILE_ROUTE.test(request.routeOptions.url ?? "")) {
    return problem;
  }
  const message = problem.status === 400 ? "Invalid file upload request." : problem.message;
  return new SandboxError(problem.status, message, { plainText: true });
}

function sendProblem(given: SandboxError, error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const problem = asFileRouteError(given, request);
  if (problem.status >= 500 && !(error instanceof SandboxError)) {
    process.stderr.write(
      `agentdeck-sandbox: ${request.method} ${request.url} failed: ${String((error as Error)?.stack ?? error)}\n`,
    );
  }
  if (problem.retryAfterSeconds !== undefined) reply.header("retry-after", String(problem.retryAfterSeconds));
  if (problem.plainText) {
    return reply.code(problem.status).type("text/plain; charset=utf-8").send(problem.message);
  }
  return reply
    .code(problem.status)
    .type("application/json; charset=utf-8")
    .send(errorBody(apiOf(request.url), problem));
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
