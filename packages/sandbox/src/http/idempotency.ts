import type { FastifyReply, FastifyRequest } from "fastify";
import { SandboxError } from "../sandbox-error.ts";
import type { IdempotencyLog } from "../store/idempotency-log.ts";

/**
 * Runs a registry write once per idempotency key (the body's `idempotency_key`, as Prefactor's SDKs
 * send it): the same key with the same request replays the first response; the same key with a
 * different request is a 409 `conflict`. Only successful responses are kept, for 24 hours. A request is
 * its method, path and body without the key. Requests are handled one at a time, so two concurrent
 * requests with one key run the write once.
 */
export function idempotently(
  log: IdempotencyLog,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string | null | undefined,
  run: () => { status: number; body: unknown },
): unknown {
  if (key === undefined || key === null) {
    const response = run();
    reply.code(response.status);
    return response.body;
  }
  const { idempotency_key: _key, ...rest } = (request.body ?? {}) as Record<string, unknown>;
  const fingerprint = `${request.method} ${request.url.split("?")[0]} ${canonicalJson(rest)}`;
  const seen = log.get(key);
  if (seen !== undefined) {
    if (seen.fingerprint !== fingerprint) {
      throw new SandboxError(
        409,
        `the idempotency_key "${key}" was already used for a different request in the last 24 hours; use a new key for a new request`,
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

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same request. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
