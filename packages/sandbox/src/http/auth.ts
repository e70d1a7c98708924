import { timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import { SandboxError } from "../sandbox-error.ts";

/** v2: why the key in `X-Asteroid-Agents-Api-Key` is refused (401), or undefined when it is right. */
export function apiKeyError(request: FastifyRequest, apiKey: string): SandboxError | undefined {
  const given = request.headers["x-asteroid-agents-api-key"];
  if (typeof given !== "string" || given === "") {
    return new SandboxError(401, "missing API key: send it in the X-Asteroid-Agents-Api-Key header");
  }
  if (!sameSecret(given, apiKey)) {
    return new SandboxError(401, "invalid API key: check the X-Asteroid-Agents-Api-Key header");
  }
  return undefined;
}

/** Registry: why `Authorization: Bearer <token>` is refused (401 `unauthorized`), or undefined when it is right. */
export function bearerTokenError(request: FastifyRequest, token: string): SandboxError | undefined {
  const header = request.headers.authorization;
  const match = typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (match === null) {
    return new SandboxError(401, "missing API token: send it as Authorization: Bearer <token>");
  }
  if (!sameSecret(match[1] as string, token)) {
    return new SandboxError(401, "invalid API token: check the Authorization header");
  }
  return undefined;
}

// Callback hooks rather than async ones: one promise less on every request.

/** v2's onRequest hook: the key first, before anything reads the request. */
export function requireApiKey(apiKey: string) {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) =>
    done(apiKeyError(request, apiKey));
}

/** The registry's onRequest hook: the token first, before anything reads the request. */
export function requireBearerToken(token: string) {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) =>
    done(bearerTokenError(request, token));
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
