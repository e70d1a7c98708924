import type { FastifyReply, FastifyRequest } from "fastify";
import { badRequest, SandboxError } from "../sandbox-error.ts";
import type { IdempotencyLog } from "../store/idempotency-log.ts";

/**
 * Runs a registry write once per idempotency key (the `Idempotency-Key` header, or the
 * `idempotency_key` query parameter): the same key with the same request replays the first response;
 * the same key with a different request is a 409 `conflict`. Only successful responses are kept. A
 * request is its method, path and `body` (left out for actions whose body is ignored).
 */
export function idempotently(
  log: IdempotencyLog,
  request: FastifyRequest,
  reply: FastifyReply,
  meaning: { body?: unknown },
  run: () => { status: number; body: unknown },
): unknown {
  const key = idempotencyKey(request);
  if (key === undefined) {
    const response = run();
    reply.code(response.status);
    return response.body;
  }
  const fingerprint = `${request.method} ${request.url.split("?")[0]} ${canonicalJson(meaning.body)}`;
  const seen = log.get(key);
  if (seen !== undefined) {
    if (seen.fingerprint !== fingerprint) {
      throw new SandboxError(
        409,
        `the idempotency key "${key}" was already used for a different request; use a new key for a new request`,
        { code: "conflict" },
      );
    }
    reply.code(seen.status);
    return seen.body;
  }
  const response = run();
  log.remember(key, { fingerprint, ...response });
  reply.code(response.status);
  return response.body;
}

function idempotencyKey(request: FastifyRequest): string | undefined {
  const header = first(request.headers["idempotency-key"]);
  const query = first((request.query as Record<string, unknown> | undefined)?.idempotency_key);
  if (header !== undefined && query !== undefined && header !== query) {
    throw badRequest("the Idempotency-Key header and the idempotency_key parameter differ; send one key");
  }
  const raw = header ?? query;
  if (raw === undefined) return undefined;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 255) {
    throw badRequest("the idempotency key must be 1 to 255 characters");
  }
  return raw;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same request. */
function canonicalJson(value: unknown): string {
  if (value === undefined) return "";
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
