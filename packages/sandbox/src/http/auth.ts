import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { SandboxError } from "../sandbox-error.ts";

/** v2: the key in `X-Asteroid-Agents-Api-Key`; missing or wrong is a 401. */
export function requireApiKey(apiKey: string) {
  return async (request: FastifyRequest) => {
    const given = request.headers["x-asteroid-agents-api-key"];
    if (typeof given !== "string" || given === "") {
      throw new SandboxError(401, "missing API key: send it in the X-Asteroid-Agents-Api-Key header");
    }
    if (!sameSecret(given, apiKey)) {
      throw new SandboxError(401, "invalid API key: check the X-Asteroid-Agents-Api-Key header");
    }
  };
}

/** Registry: `Authorization: Bearer <token>`; missing or wrong is a 401 with code `unauthorized`. */
export function requireBearerToken(token: string) {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const match = typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (match === null) {
      throw new SandboxError(401, "missing API token: send it as Authorization: Bearer <token>");
    }
    if (!sameSecret(match[1] as string, token)) {
      throw new SandboxError(401, "invalid API token: check the Authorization header");
    }
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
