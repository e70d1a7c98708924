import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import { SandboxError } from "../sandbox-error.ts";
import { routeTemplate } from "./route-template.ts";

/** Injected failures, for testing how a client copes with a flaky service. */
export interface FaultOptions {
  /** Share of matching requests (0 to 1) answered with `status` instead of being served. */
  rate?: number;
  /** The status of an injected failure; 500 unless given. */
  status?: 500 | 502 | 503 | 429;
  /** `Retry-After` sent with a 429 or 503; 1 unless given. */
  retryAfterSeconds?: number;
  /**
   * Which requests may fail: entries such as `"GET /agents/v2/agent-profile-pools"` or `"/api/v1"`. An entry
   * matches its path and everything under it (or a route template such as `/agents/v2/executions/{executionId}`);
   * a leading method restricts it to that method. All requests when not given.
   */
  routes?: string[];
  /** Share of matching requests (0 to 1) whose connection is destroyed with no response. */
  dropRate?: number;
}

export const FAULT_STATUSES = [500, 502, 503, 429] as const;

const DESCRIPTIONS: Record<number, string> = {
  429: "too many requests",
  500: "internal server error",
  502: "bad gateway",
  503: "service unavailable",
};

/**
 * An onRequest hook that fails or drops matching requests before anything else happens, drawing from
 * `random` so a seeded sandbox fails the same requests every run.
 */
export function injectFaults(faults: FaultOptions, random: () => number) {
  const routes = faults.routes?.map(parseRoute);
  const status = faults.status ?? 500;
  const retryAfterSeconds = faults.retryAfterSeconds ?? 1;
  const rate = faults.rate ?? 0;
  const dropRate = faults.dropRate ?? 0;
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (routes !== undefined && !routes.some((route) => matches(route, request))) {
      done();
      return;
    }
    if (dropRate > 0 && random() < dropRate) {
      // Never calling done() ends the lifecycle here: the handler does not run, like a request lost in transit.
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    if (rate > 0 && random() < rate) {
      const retry = status === 429 || status === 503;
      const message = `${DESCRIPTIONS[status]} (a fault the sandbox injected)${retry ? `; retry after ${retryAfterSeconds} seconds` : ""}`;
      done(new SandboxError(status, message, retry ? { retryAfterSeconds } : {}));
      return;
    }
    done();
  };
}

interface RouteFilter {
  method: string | undefined;
  path: string;
}

function parseRoute(entry: string): RouteFilter {
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(entry);
  if (match === null) return { method: undefined, path: stripSlash(entry.trim()) };
  return { method: (match[1] as string).toUpperCase(), path: stripSlash(match[2] as string) };
}

function matches(route: RouteFilter, request: FastifyRequest): boolean {
  if (route.method !== undefined && route.method !== request.method) return false;
  const path = stripSlash(request.url.split("?")[0] ?? "");
  const template = routeTemplate(request);
  return (
    path === route.path || path.startsWith(`${route.path}/`) || template === route.path || route.path === ""
  );
}

function stripSlash(path: string): string {
  return path.endsWith("/") ? path.slice(0, -1) : path;
}
