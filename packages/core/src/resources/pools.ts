import type { CallOptions } from "../call-options.ts";
import { findCreatedPool, findPoolChange } from "../fate.ts";
import { Uuid } from "../models/common.ts";
import {
  AgentProfilePool,
  CreatePoolRequest,
  PoolListParams,
  PoolPage,
  UpdatePoolRequest,
} from "../models/pool.ts";
import { listAllOf } from "../paginate.ts";
import { toQuery } from "../query.ts";
import { send, type Transport } from "../request.ts";
import { parseId, parseRequest } from "../validate.ts";

const PATH = "agent-profile-pools";

/** `client.pools`: agent profile pools of the v2 API. */
export function poolsResource(transport: Transport) {
  const list = async (params: PoolListParams = {}, options?: CallOptions): Promise<PoolPage> => {
    const query = toQuery(parseRequest(PoolListParams, params, "pool list params"));
    return send(
      transport,
      { api: "v2", method: "GET", path: PATH, query, retry: "safe", response: PoolPage },
      options,
    );
  };

  return {
    /** One page of pools. */
    list,

    /** Every pool across pages, fetching each next page while the current one is consumed. */
    listAll: listAllOf(PoolListParams, "pool list params", list),

    /** One pool by id. */
    async get(poolId: string, options?: CallOptions): Promise<AgentProfilePool> {
      const id = parseId(Uuid, poolId, "poolId");
      return send(
        transport,
        { api: "v2", method: "GET", path: `${PATH}/${id}`, retry: "safe", response: AgentProfilePool },
        options,
      );
    },

    /** Creates a pool. Never retried once it may have reached the server: a repeat could create a second pool. */
    async create(body: CreatePoolRequest, options?: CallOptions): Promise<AgentProfilePool> {
      const json = parseRequest(CreatePoolRequest, body, "pool");
      return send(
        transport,
        {
          api: "v2",
          method: "POST",
          path: PATH,
          body: json,
          retry: "unsafe",
          findOut: findCreatedPool(json.organizationId, json.name),
          response: AgentProfilePool,
        },
        options,
      );
    },

    /**
     * Changes a pool's fields. Not retried once it may have reached the server: a late repeat of a
     * PATCH would overwrite whatever someone changed in between.
     */
    async update(poolId: string, patch: UpdatePoolRequest, options?: CallOptions): Promise<AgentProfilePool> {
      const id = parseId(Uuid, poolId, "poolId");
      const json = parseRequest(UpdatePoolRequest, patch, "pool update");
      return send(
        transport,
        {
          api: "v2",
          method: "PATCH",
          path: `${PATH}/${id}`,
          body: json,
          retry: "unsafe",
          findOut: findPoolChange(id),
          response: AgentProfilePool,
        },
        options,
      );
    },
  };
}

/** `client.pools`. */
export type PoolsResource = ReturnType<typeof poolsResource>;
