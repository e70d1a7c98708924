import type * as z from "zod";
import { type CallOptions, RegistryCreateOptions } from "../call-options.ts";
import {
  CreateRegistryAgentRequest,
  REGISTRY_LIST_QUERY_NAMES,
  type RegistryAgent,
  RegistryAgentEnvelope,
  RegistryAgentListEnvelope,
  RegistryGetParams,
  RegistryId,
  RegistryListParams,
  RegistryShowParams,
  UpdateRegistryAgentRequest,
} from "../models/registry.ts";
import { toQuery } from "../query.ts";
import { type ApiRequest, send, type Transport } from "../request.ts";
import { parseId, parseRequest } from "../validate.ts";

const OneAgent = RegistryAgentEnvelope.transform((envelope) => envelope.details);

/** A page of registry agents, the `{status, summaries}` envelope removed. */
export const RegistryAgentPage = RegistryAgentListEnvelope.transform(
  ({ summaries, pagination, sorting }) => ({
    items: summaries,
    pagination,
    sorting: sorting ?? null,
  }),
);
export type RegistryAgentPage = z.output<typeof RegistryAgentPage>;

/** `include_counts=true` when asked for, nothing otherwise. */
function countsQuery(includeCounts: boolean | undefined): URLSearchParams | undefined {
  return includeCounts ? new URLSearchParams({ include_counts: "true" }) : undefined;
}

/** `client.registry.agents`: agents in the agent registry (API v1, Bearer token). */
export function registryAgentsResource(transport: Transport) {
  /**
   * Every write carries an `idempotency_key` in its JSON body (generated unless given), reused on each
   * retry, so the registry runs it once however often it is sent: that is what makes writes `safe`.
   */
  const write = (
    request: Omit<ApiRequest<typeof OneAgent>, "api" | "retry" | "response" | "body">,
    body: Record<string, unknown>,
    options: RegistryCreateOptions,
  ): Promise<RegistryAgent> => {
    const { idempotencyKey = crypto.randomUUID(), ...callOptions } = parseRequest(
      RegistryCreateOptions,
      options,
      "options",
    );
    return send(
      transport,
      {
        api: "registry",
        ...request,
        body: { ...body, idempotency_key: idempotencyKey },
        retry: "safe",
        response: OneAgent,
      },
      callOptions,
    );
  };

  const agentPath = (agentId: string) => `agent/${parseId(RegistryId, agentId, "agentId")}`;

  return {
    /** Registers an agent. A retry after a lost response returns the same agent instead of creating a second one. */
    async create(
      details: CreateRegistryAgentRequest,
      options: RegistryCreateOptions = {},
    ): Promise<RegistryAgent> {
      const json = parseRequest(CreateRegistryAgentRequest, details, "registry agent");
      return write({ method: "POST", path: "agent" }, { details: json }, options);
    },

    /** One page of registered agents: summaries, without instance counts. */
    async list(params: RegistryListParams = {}, options?: CallOptions): Promise<RegistryAgentPage> {
      const query = toQuery(
        parseRequest(RegistryListParams, params, "registry list params"),
        REGISTRY_LIST_QUERY_NAMES,
      );
      return send(
        transport,
        { api: "registry", method: "GET", path: "agent", query, retry: "safe", response: RegistryAgentPage },
        options,
      );
    },

    /** One registered agent by id; its `instance_counts` only with `{ includeCounts: true }`. */
    async get(
      agentId: string,
      params: RegistryGetParams = {},
      options?: CallOptions,
    ): Promise<RegistryAgent> {
      const path = agentPath(agentId);
      const { includeCounts } = parseRequest(RegistryGetParams, params, "registry get params");
      return send(
        transport,
        {
          api: "registry",
          method: "GET",
          path,
          query: countsQuery(includeCounts),
          retry: "safe",
          response: OneAgent,
        },
        options,
      );
    },

    /** One registered agent looked up by `externalIdentifier` (or `agentId`). */
    async show(params: RegistryShowParams, options?: CallOptions): Promise<RegistryAgent> {
      const { agentId, externalIdentifier, includeCounts } = parseRequest(
        RegistryShowParams,
        params,
        "registry show params",
      );
      const query = toQuery(
        { agentId, externalIdentifier, includeCounts: includeCounts || undefined },
        { agentId: "agent_id", externalIdentifier: "external_identifier", includeCounts: "include_counts" },
      );
      return send(
        transport,
        { api: "registry", method: "GET", path: "agent/show", query, retry: "safe", response: OneAgent },
        options,
      );
    },

    /** Changes the given fields of an agent (`PUT`); `null` clears one. `external_identifier` cannot change. */
    async update(
      agentId: string,
      details: UpdateRegistryAgentRequest,
      options: RegistryCreateOptions = {},
    ): Promise<RegistryAgent> {
      const path = agentPath(agentId);
      const json = parseRequest(UpdateRegistryAgentRequest, details, "registry agent update");
      return write({ method: "PUT", path }, { details: json }, options);
    },

    /** Deletes a retired agent; answers it as it was. */
    async delete(agentId: string, options: RegistryCreateOptions = {}): Promise<RegistryAgent> {
      return write({ method: "DELETE", path: agentPath(agentId) }, {}, options);
    },

    /** Retires an agent: it stays listed but takes no new instances. */
    async retire(agentId: string, options: RegistryCreateOptions = {}): Promise<RegistryAgent> {
      return write({ method: "POST", path: `${agentPath(agentId)}/retire` }, {}, options);
    },

    /** Brings a retired agent back. */
    async reinstate(agentId: string, options: RegistryCreateOptions = {}): Promise<RegistryAgent> {
      return write({ method: "POST", path: `${agentPath(agentId)}/reinstate` }, {}, options);
    },
  };
}

/** `client.registry.agents`. */
export type RegistryAgentsResource = ReturnType<typeof registryAgentsResource>;
