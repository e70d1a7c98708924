import type { FastifyReply, FastifyRequest } from "fastify";
import { routeTemplate } from "./route-template.ts";

/** What a `transformResponse` hook sees of a JSON response about to be sent. */
export interface ResponseContext {
  method: string;
  /** The route in OpenAPI form (`/agents/v2/agent-profile-pools/{poolId}`), or the path when no route matched. */
  route: string;
  path: string;
  status: number;
  body: unknown;
}

/** Test-only: rewrites a JSON response (return undefined to leave it alone), e.g. to inject drift into a contract test. */
export type TransformResponse = (context: ResponseContext) => { status: number; body: unknown } | undefined;

/** An onSend hook that gives every JSON response to `transform`. */
export function transformResponses(transform: TransformResponse) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const type = String(reply.getHeader("content-type") ?? "");
    // Cached list pages are sent as the bytes they were rendered to.
    const text = Buffer.isBuffer(payload) ? payload.toString("utf8") : payload;
    if (typeof text !== "string" || !type.includes("json")) return payload;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return payload;
    }
    const path = request.url.split("?")[0] ?? request.url;
    const result = transform({
      method: request.method,
      route: routeTemplate(request) ?? path,
      path,
      status: reply.statusCode,
      body,
    });
    if (result === undefined) return payload;
    reply.code(result.status);
    return result.body === undefined ? "" : JSON.stringify(result.body);
  };
}
