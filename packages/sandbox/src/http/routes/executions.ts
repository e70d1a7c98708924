import {
  ActivityListParams,
  ExecutionListParams,
  StatusUpdateRequest,
  UserMessageRequest,
  Uuid,
} from "@agentdeck/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { badRequest, notFound } from "../../sandbox-error.ts";
import type { SandboxStore } from "../../store/store.ts";
import { parseBody, parseParam, parseQuery } from "../validation.ts";
import { pageEnvelope, servedPageSize } from "./paging.ts";

type WithExecutionId = FastifyRequest<{ Params: { executionId: string } }>;

/** The documented answer of `POST /executions/{id}/status`: a JSON string. */
export const STATUS_UPDATED = "Execution status updated.";
/** The documented answer of `POST /executions/{id}/user-messages`: plain text. */
export const USER_MESSAGE_ADDED = "User message added.";

/** Executions: list, get, change status, send a message, read the activity feed. */
export function executionRoutes(app: FastifyInstance, store: SandboxStore): void {
  const executionIdOf = (request: WithExecutionId) =>
    parseParam(Uuid, request.params.executionId, "executionId").toLowerCase();

  app.get("/executions", async (request) => {
    const query = parseQuery(ExecutionListParams, request.query, "v2");
    if ((query.metadataKey === undefined) !== (query.metadataValue === undefined)) {
      throw badRequest("metadataKey and metadataValue must be given together");
    }
    const paging = { page: query.page ?? 1, pageSize: servedPageSize(query.pageSize) };
    const result = store.executions.list({
      ...query,
      ...paging,
      ...(query.humanLabels === undefined
        ? {}
        : { humanLabels: query.humanLabels.map((id) => id.toLowerCase()) }),
      sortField: query.sortField ?? "created_at",
      sortDirection: query.sortDirection ?? "desc",
    });
    return pageEnvelope(result, paging);
  });

  app.get("/executions/:executionId", async (request: WithExecutionId) => {
    const id = executionIdOf(request);
    const execution = store.executions.get(id);
    if (execution === undefined) throw notFound(`execution ${id} not found`);
    return execution;
  });

  app.post("/executions/:executionId/status", async (request: WithExecutionId, reply) => {
    const id = executionIdOf(request);
    const { status } = parseBody(StatusUpdateRequest, request.body, "v2");
    store.executions.setStatus(id, status);
    reply.code(200).type("application/json; charset=utf-8");
    return JSON.stringify(STATUS_UPDATED);
  });

  app.post("/executions/:executionId/user-messages", async (request: WithExecutionId, reply) => {
    const id = executionIdOf(request);
    const { message } = parseBody(UserMessageRequest, request.body, "v2");
    store.executions.addUserMessage(id, message);
    reply.code(201).type("text/plain; charset=utf-8");
    return USER_MESSAGE_ADDED;
  });

  app.get("/executions/:executionId/activities", async (request: WithExecutionId) => {
    const id = executionIdOf(request);
    const query = parseQuery(ActivityListParams, request.query, "v2");
    return store.executions.activities(id, query.order ?? "asc", query.limit);
  });
}
