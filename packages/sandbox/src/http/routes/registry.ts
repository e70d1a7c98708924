import {
  CreateRegistryAgentRequest,
  REGISTRY_SORT_FIELDS,
  RegistryId,
  RegistryListParams,
} from "@agentdeck/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { notFound, SandboxError } from "../../sandbox-error.ts";
import type { SandboxStore } from "../../store/store.ts";
import { idempotently } from "../idempotency.ts";
import { parseBody, parseParam, parseQuery, REGISTRY_VALIDATION_STATUS } from "../validation.ts";
import { DEFAULT_REGISTRY_PAGE_SIZE } from "./paging.ts";

/** Body of `POST /api/v1/agent`: the agent under `details`. */
const CreateEnvelope = z.strictObject({ details: CreateRegistryAgentRequest });

type WithAgentId = FastifyRequest<{ Params: { agent_id: string } }>;

/** The agent registry (API v1): create, list, get, retire, reinstate, delete. Action bodies are ignored. */
export function registryRoutes(app: FastifyInstance, store: SandboxStore): void {
  const agentIdOf = (request: WithAgentId) => parseParam(RegistryId, request.params.agent_id, "agent_id");
  const success = (details: unknown) => ({ status: 200, body: { status: "success", details } });

  app.post("/agent", async (request, reply) =>
    idempotently(store.idempotency, request, reply, { body: request.body }, () => {
      const { details } = parseBody(CreateEnvelope, request.body, "registry");
      return success(store.registry.create(details));
    }),
  );

  app.get("/agent", async (request) => {
    const query = parseQuery(RegistryListParams, request.query, "registry");
    const offset = query.offset ?? 0;
    const pageSize = query.page_size ?? DEFAULT_REGISTRY_PAGE_SIZE;
    const sort = query.sort ?? "-inserted_at";
    const field = sort.replace(/^-/, "");
    if (!(REGISTRY_SORT_FIELDS as readonly string[]).includes(field)) {
      const message = `must be one of ${REGISTRY_SORT_FIELDS.join(", ")}, optionally prefixed with - for descending`;
      throw new SandboxError(
        REGISTRY_VALIDATION_STATUS,
        `the request has validation errors: sort ${message}`,
        {
          errors: { sort: [message] },
        },
      );
    }
    const page = store.registry.list({
      offset,
      pageSize,
      sort: { field: field as (typeof REGISTRY_SORT_FIELDS)[number], descending: sort.startsWith("-") },
    });
    return { status: "success", ...page };
  });

  app.get("/agent/:agent_id", async (request: WithAgentId) => {
    const id = agentIdOf(request);
    const agent = store.registry.get(id);
    if (agent === undefined) throw notFound(`agent ${id} not found`);
    return { status: "success", details: agent };
  });

  app.post("/agent/:agent_id/retire", async (request: WithAgentId, reply) => {
    const id = agentIdOf(request);
    return idempotently(store.idempotency, request, reply, {}, () => success(store.registry.retire(id)));
  });

  app.post("/agent/:agent_id/reinstate", async (request: WithAgentId, reply) => {
    const id = agentIdOf(request);
    return idempotently(store.idempotency, request, reply, {}, () => success(store.registry.reinstate(id)));
  });

  app.delete("/agent/:agent_id", async (request: WithAgentId, reply) => {
    const id = agentIdOf(request);
    return idempotently(store.idempotency, request, reply, {}, () => success(store.registry.delete(id)));
  });
}
