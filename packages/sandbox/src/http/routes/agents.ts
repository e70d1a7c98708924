import { AgentListParams, ExecuteRequest, Uuid } from "@agentdeck/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SandboxStore } from "../../store/store.ts";
import { parseBody, parseParam, parseQuery } from "../validation.ts";
import { DEFAULT_PAGE_SIZE } from "./paging.ts";

/** Agents: list, and execute (which starts an execution). */
export function agentRoutes(app: FastifyInstance, store: SandboxStore): void {
  app.get("/agents", async (request) => {
    const query = parseQuery(AgentListParams, request.query, "v2");
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = store.agents.list({
      ...(query.organizationId === undefined ? {} : { organizationId: query.organizationId.toLowerCase() }),
      ...(query.searchName === undefined ? {} : { searchName: query.searchName }),
      sortField: query.sortField ?? "name",
      sortDirection: query.sortDirection ?? "asc",
      page,
      pageSize,
    });
    return { items, page, pageSize, total };
  });

  app.post("/agents/:agentId/execute", async (request: FastifyRequest<{ Params: { agentId: string } }>, reply) => {
    const agentId = parseParam(Uuid, request.params.agentId, "agentId").toLowerCase();
    const body = parseBody(ExecuteRequest, request.body, "v2");
    const execution = store.execute(agentId, body);
    reply.code(202);
    return { executionId: execution.id };
  });
}
