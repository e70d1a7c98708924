import {
  CreateRegistryAgentRequest,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  REGISTRY_LIST_QUERY_NAMES,
  type RegistryAgent,
  RegistryGetParams,
  RegistryId,
  RegistryListParams,
  RegistryShowParams,
  type RegistrySortField,
  UpdateRegistryAgentRequest,
} from "@agentdeck/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { notFound } from "../../sandbox-error.ts";
import { summaryOf } from "../../store/registry-table.ts";
import type { SandboxStore } from "../../store/store.ts";
import { idempotently } from "../idempotency.ts";
import { parseBody, parseParam, parseQuery } from "../validation.ts";
import { DEFAULT_REGISTRY_PAGE_SIZE, DEFAULT_REGISTRY_SORTING } from "./paging.ts";

/** The `idempotency_key` every registry write may carry next to its `details`. */
const IdempotencyKey = z
  .string({ error: `must be a string of 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` })
  .min(1, { error: `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` })
  .max(MAX_IDEMPOTENCY_KEY_LENGTH, { error: `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` })
  .nullable()
  .optional();

/** Body of `POST /api/v1/agent`. */
const CreateEnvelope = z.strictObject({
  details: CreateRegistryAgentRequest,
  idempotency_key: IdempotencyKey,
});
/** Body of `PUT /api/v1/agent/{id}`. */
const UpdateEnvelope = z.strictObject({
  details: UpdateRegistryAgentRequest,
  idempotency_key: IdempotencyKey,
});
/** Body of retire, reinstate and delete: nothing but the key, and the body itself is optional. */
const ActionEnvelope = z.strictObject({ idempotency_key: IdempotencyKey });

const GET_NAMES = { includeCounts: "include_counts" };
const SHOW_NAMES = {
  agentId: "agent_id",
  externalIdentifier: "external_identifier",
  includeCounts: "include_counts",
};

type WithAgentId = FastifyRequest<{ Params: { agent_id: string } }>;

/** An agent with its counts only when they were asked for. */
function details(agent: RegistryAgent, includeCounts: boolean | undefined): RegistryAgent {
  return includeCounts ? agent : summaryOf(agent);
}

/** The agent registry (API v1): create, list, get, show, update, retire, reinstate, delete. */
export function registryRoutes(app: FastifyInstance, store: SandboxStore): void {
  const agentIdOf = (request: WithAgentId) => parseParam(RegistryId, request.params.agent_id, "agent_id");
  // Writes answer with the counts, as seed 004's create does.
  const success = (agent: RegistryAgent) => ({ status: 200, body: { status: "success", details: agent } });
  const actionKey = (body: unknown) =>
    body === undefined ? undefined : parseBody(ActionEnvelope, body, "registry").idempotency_key;

  app.post("/agent", async (request, reply) => {
    const body = parseBody(CreateEnvelope, request.body, "registry");
    return idempotently(store.idempotency, request, reply, body.idempotency_key, () =>
      success(store.registry.create(body.details)),
    );
  });

  app.get("/agent", async (request) => {
    const query = parseQuery(RegistryListParams, request.query, "registry", REGISTRY_LIST_QUERY_NAMES);
    const sorting = query.sorting ?? DEFAULT_REGISTRY_SORTING;
    const page = store.registry.list({
      offset: query.offset ?? 0,
      pageSize: query.pageSize ?? DEFAULT_REGISTRY_PAGE_SIZE,
      sorting: { field: sorting.replace(/^-/, "") as RegistrySortField, descending: sorting.startsWith("-") },
      riskProfileId: query.riskProfileId,
      teamId: query.teamId,
      ownerPersonId: query.ownerPersonId,
    });
    return { status: "success", ...page };
  });

  // Registered before `/agent/:agent_id`, which would otherwise take "show" for an id.
  app.get("/agent/show", async (request) => {
    const query = parseQuery(RegistryShowParams, request.query, "registry", SHOW_NAMES);
    const agent =
      query.agentId === undefined
        ? store.registry.byExternalIdentifier(query.externalIdentifier as string)
        : store.registry.get(query.agentId);
    if (agent === undefined) {
      throw notFound(
        query.agentId === undefined
          ? `no agent with external_identifier "${query.externalIdentifier}"`
          : `agent ${query.agentId} not found`,
      );
    }
    return { status: "success", details: details(agent, query.includeCounts) };
  });

  app.get("/agent/:agent_id", async (request: WithAgentId) => {
    const id = agentIdOf(request);
    const { includeCounts } = parseQuery(RegistryGetParams, request.query, "registry", GET_NAMES);
    const agent = store.registry.get(id);
    if (agent === undefined) throw notFound(`agent ${id} not found`);
    return { status: "success", details: details(agent, includeCounts) };
  });

  app.put("/agent/:agent_id", async (request: WithAgentId, reply) => {
    const id = agentIdOf(request);
    const body = parseBody(UpdateEnvelope, request.body, "registry");
    return idempotently(store.idempotency, request, reply, body.idempotency_key, () =>
      success(store.registry.update(id, body.details)),
    );
  });

  app.post("/agent/:agent_id/retire", async (request: WithAgentId, reply) => {
    const id = agentIdOf(request);
    const key = actionKey(request.body);
    return idempotently(store.idempotency, request, reply, key, () => success(store.registry.retire(id)));
  });

  app.post("/agent/:agent_id/reinstate", async (request: WithAgentId, reply) => {
    const id = agentIdOf(request);
    const key = actionKey(request.body);
    return idempotently(store.idempotency, request, reply, key, () => success(store.registry.reinstate(id)));
  });

  app.delete("/agent/:agent_id", async (request: WithAgentId, reply) => {
    const id = agentIdOf(request);
    const key = actionKey(request.body);
    return idempotently(store.idempotency, request, reply, key, () => success(store.registry.delete(id)));
  });
}
