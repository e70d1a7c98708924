import { AgentListParams, ExecuteRequest, Uuid } from "@agentdeck/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SandboxStore } from "../../store/store.ts";
import { parseBody, parseParam, parseQuery } from "../validation.ts";
import { nameListQuery, pageEnvelope } from "./paging.ts";

/** Agents: list, and execute (which starts an execution). */
export function agentRoutes(app: FastifyInstance, store: SandboxStore): void {
  app.get("/agents", async (request) => {
    const query = nameListQuery(parseQuery(AgentListParams, request.query, "v2"));
    return pageEnvelope(store.agents.list(query), query);
  });

  app.post(
    "/agents/:agentId/execute",
    async (request: FastifyRequest<{ Params: { agentId: string } }>, reply) => {
      const agentId = parseParam(Uuid, request.params.agentId, "agentId").toLowerCase();
      const body = parseBody(ExecuteRequest, request.body, "v2");
      const execution = store.execute(agentId, body);
      reply.code(202);
      return { executionId: execution.id };
    },
  );
}
