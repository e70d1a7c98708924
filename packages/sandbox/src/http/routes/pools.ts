import { CreatePoolRequest, PoolListParams, UpdatePoolRequest, Uuid } from "@agentdeck/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { badRequest, notFound, SandboxError } from "../../sandbox-error.ts";
import type { SandboxStore } from "../../store/store.ts";
import { RenderedPages } from "../rendered-pages.ts";
import { parseBody, parseParam, parseQuery } from "../validation.ts";
import { nameListQuery, pageEnvelope } from "./paging.ts";

type WithPoolId = FastifyRequest<{ Params: { poolId: string } }>;

/**
 * The sandbox's one rule beyond core's model: a pool name holding a NUL character is refused, as a
 * Postgres-backed service refuses NUL in text. Other control characters are kept, so a client's
 * handling of hostile names can be tested. Core cannot know every rule a server has: it sends such a
 * name and reads the 400.
 */
function refuseNul(name: string | undefined): void {
  if (name?.includes("\u0000")) throw badRequest("name: must not contain a NUL character");
}

/** Agent profile pools: list, create, get and update. */
export function poolRoutes(app: FastifyInstance, store: SandboxStore): void {
  const pages = new RenderedPages();
  app.get("/agent-profile-pools", async (request, reply) => {
    // Keyed by the raw query string: the same string always validates to the same query, so a page
    // served before skips validation too; a query that fails validation throws and is never kept.
    const at = request.url.indexOf("?");
    const rawQuery = at === -1 ? "" : request.url.slice(at + 1);
    const page = pages.get(store.pools.version, rawQuery, () => {
      const query = nameListQuery(parseQuery(PoolListParams, request.query, "v2"));
      return pageEnvelope(store.pools.list(query), query);
    });
    return reply.type("application/json; charset=utf-8").send(page);
  });

  app.post("/agent-profile-pools", async (request, reply) => {
    const body = parseBody(CreatePoolRequest, request.body, "v2");
    refuseNul(body.name);
    const organizationId = body.organizationId.toLowerCase();
    if (!store.hasOrganization(organizationId)) {
      throw new SandboxError(
        403,
        `you are not a member of organization ${organizationId}; GET /context lists yours`,
      );
    }
    const pool = store.pools.add({ ...body, organizationId });
    reply.code(201);
    return pool;
  });

  app.get("/agent-profile-pools/:poolId", async (request: WithPoolId) => {
    const poolId = parseParam(Uuid, request.params.poolId, "poolId").toLowerCase();
    const pool = store.pools.get(poolId);
    if (pool === undefined) throw notFound(`agent profile pool ${poolId} not found`);
    return pool;
  });

  app.patch("/agent-profile-pools/:poolId", async (request: WithPoolId) => {
    const poolId = parseParam(Uuid, request.params.poolId, "poolId").toLowerCase();
    const body = parseBody(UpdatePoolRequest, request.body, "v2");
    refuseNul(body.name);
    return store.pools.update(poolId, body);
  });
}
