import type * as z from "zod";
import { type CallOptions, RegistryCreateOptions } from "../call-options.ts";
import {
  CreateRegistryAgentRequest,
  type RegistryAgent,
  RegistryAgentEnvelope,
  RegistryAgentListEnvelope,
  RegistryId,
  RegistryListParams,
} from "../models/registry.ts";
import { toQuery } from "../query.ts";
import { send, type Transport } from "../request.ts";
import { parseId, parseRequest } from "../validate.ts";

const OneAgent = RegistryAgentEnvelope.transform((envelope) => envelope.details);

/** A page of registry agents, the `{status, summaries}` envelope removed. */
export const RegistryAgentPage = RegistryAgentListEnvelope.transform(({ summaries, pagination }) => ({
  items: summaries,
  pagination,
}));
export type RegistryAgentPage = z.output<typeof RegistryAgentPage>;

/** `client.registry.agents`: agents in the agent registry (API v1, Bearer token). */
export function registryAgentsResource(transport: Transport) {
  // Retire and reinstate set a state, and carry a key besides, so a retry cannot do anything twice.
  const transition = async (agentId: string, action: "retire" | "reinstate", options: CallOptions = {}) => {
    const id = parseId(RegistryId, agentId, "agentId");
    return send(
      transport,
      {
        api: "registry",
        method: "POST",
        path: `agent/${id}/${action}`,
        body: {},
        headers: { "idempotency-key": crypto.randomUUID() },
        retry: "safe",
        response: OneAgent,
      },
      options,
    );
  };

  return {
    /**
     * Registers an agent. Always sends an `Idempotency-Key` (generated unless given), so a retry
     * after a lost response returns the same agent instead of creating a second one.
     */
    async create(
      details: CreateRegistryAgentRequest,
      options: RegistryCreateOptions = {},
    ): Promise<RegistryAgent> {
      const json = parseRequest(CreateRegistryAgentRequest, details, "registry agent");
      const { idempotencyKey = crypto.randomUUID(), ...callOptions } = parseRequest(
        RegistryCreateOptions,
        options,
        "options",
      );
      return send(
        transport,
        {
          api: "registry",
          method: "POST",
          path: "agent",
          body: { details: json },
          headers: { "idempotency-key": idempotencyKey },
          retry: "safe",
          response: OneAgent,
        },
        callOptions,
      );
    },

    /** One page of registered agents. */
    async list(params: RegistryListParams = {}, options?: CallOptions): Promise<RegistryAgentPage> {
      const query = toQuery(parseRequest(RegistryListParams, params, "registry list params"));
      return send(
        transport,
        { api: "registry", method: "GET", path: "agent", query, retry: "safe", response: RegistryAgentPage },
        options,
      );
    },

    /** One registered agent by id. */
    async get(agentId: string, options?: CallOptions): Promise<RegistryAgent> {
      const id = parseId(RegistryId, agentId, "agentId");
      return send(
        transport,
        { api: "registry", method: "GET", path: `agent/${id}`, retry: "safe", response: OneAgent },
        options,
      );
    },

    /** Retires an agent: it stays listed but takes no new instances. */
    retire: (agentId: string, options?: CallOptions): Promise<RegistryAgent> =>
      transition(agentId, "retire", options),

    /** Brings a retired agent back. */
    reinstate: (agentId: string, options?: CallOptions): Promise<RegistryAgent> =>
      transition(agentId, "reinstate", options),
  };
}

/** `client.registry.agents`. */
export type RegistryAgentsResource = ReturnType<typeof registryAgentsResource>;
