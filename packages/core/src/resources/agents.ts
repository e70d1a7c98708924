import type { CallOptions } from "../call-options.ts";
import { findExecution } from "../fate.ts";
import { AgentListParams, AgentPage } from "../models/agent.ts";
import { Uuid } from "../models/common.ts";
import { ExecuteRequest, ExecuteResponse } from "../models/execute.ts";
import { listAllOf } from "../paginate.ts";
import { toQuery } from "../query.ts";
import { send, type Transport } from "../request.ts";
import { parseId, parseRequest } from "../validate.ts";

/** `client.agents`: agents of the v2 API and starting their executions. */
export function agentsResource(transport: Transport) {
  const list = async (params: AgentListParams = {}, options?: CallOptions): Promise<AgentPage> => {
    const query = toQuery(parseRequest(AgentListParams, params, "agent list params"));
    return send(
      transport,
      { api: "v2", method: "GET", path: "agents", query, retry: "safe", response: AgentPage },
      options,
    );
  };

  return {
    /** One page of agents. */
    list,

    /** Every agent across pages, fetching each next page while the current one is consumed. */
    listAll: listAllOf(AgentListParams, "agent list params", list),

    /**
     * Starts an execution of the agent. Never retried once it may have reached the server: a repeat
     * would start (and bill) a second run.
     */
    async execute(agentId: string, body: ExecuteRequest, options?: CallOptions): Promise<ExecuteResponse> {
      const id = parseId(Uuid, agentId, "agentId");
      const json = parseRequest(ExecuteRequest, body, "execute request");
      return send(
        transport,
        {
          api: "v2",
          method: "POST",
          path: `agents/${id}/execute`,
          body: json,
          retry: "unsafe",
          findOut: findExecution(id, json.metadata),
          response: ExecuteResponse,
        },
        options,
      );
    },
  };
}

/** `client.agents`. */
export type AgentsResource = ReturnType<typeof agentsResource>;
