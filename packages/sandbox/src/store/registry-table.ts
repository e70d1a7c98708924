import type {
  AvailableActions,
  CreateRegistryAgentRequest,
  InstanceCounts,
  REGISTRY_AGENT_STATUSES,
  RegistryAgent,
  RegistryPagination,
  RegistrySortField,
} from "@agentdeck/core";
import { conflict, notFound } from "../sandbox-error.ts";

type RegistryStatus = (typeof REGISTRY_AGENT_STATUSES)[number];

/** What `store.addRegistryAgent` takes. */
export interface RegistryAgentInput {
  id?: string;
  name: string;
  description?: string | null;
  status?: RegistryStatus;
  /** Any counts left out are 0; `finished` and `total` are worked out from the rest. */
  instance_counts?: Partial<Omit<InstanceCounts, "finished" | "total">>;
  risk_profile_id?: string | null;
  inserted_at?: string;
}

/** What may be done to an agent in `status`: a retired agent can only be reinstated or deleted. */
export function availableActions(status: string): AvailableActions {
  const retired = status === "retired";
  return { delete: retired, reinstate: retired, retire: !retired, update: !retired };
}

/** The agent registry (API v1): a separate service from the v2 agents, with its own ids and envelope. */
export class RegistryTable {
  readonly #agents = new Map<string, RegistryAgent>();
  readonly #riskProfiles = new Set<string>();
  #lastMs = 0;

  readonly #deps: { registryId: () => string; now: () => number };

  constructor(deps: { registryId: () => string; now: () => number }) {
    this.#deps = deps;
  }

  get(id: string): RegistryAgent | undefined {
    return this.#agents.get(id);
  }

  add(input: RegistryAgentInput): RegistryAgent {
    const id = input.id ?? this.#deps.registryId();
    if (this.#agents.has(id)) throw conflict(`a registry agent with id ${id} already exists`);
    const insertedAt =
      input.inserted_at === undefined ? this.#stamp() : new Date(input.inserted_at).toISOString();
    const status = input.status ?? "pending";
    const agent: RegistryAgent = {
      id,
      type: "agent",
      name: input.name,
      description: input.description ?? null,
      status,
      inserted_at: insertedAt,
      updated_at: insertedAt,
      instance_counts: countsFrom(input.instance_counts ?? {}),
      available_actions: availableActions(status),
      risk_profile_id: input.risk_profile_id ?? null,
    };
    this.#agents.set(id, agent);
    return agent;
  }

  /** A risk profile agents can be created with (the registry has no route for them; the sandbox seeds two). */
  addRiskProfile(id = this.#deps.registryId()): string {
    this.#riskProfiles.add(id);
    return id;
  }

  /** `POST /api/v1/agent`: a new agent is `pending`, with no instances; an unknown risk profile is a 404. */
  create(details: CreateRegistryAgentRequest): RegistryAgent {
    const riskProfileId = details.risk_profile_id;
    if (typeof riskProfileId === "string" && !this.#riskProfiles.has(riskProfileId)) {
      throw notFound(`risk profile ${riskProfileId} not found`);
    }
    return this.add({
      name: details.name,
      ...(details.description === undefined ? {} : { description: details.description }),
      ...(details.risk_profile_id === undefined ? {} : { risk_profile_id: details.risk_profile_id }),
    });
  }

  retire(id: string): RegistryAgent {
    const agent = this.#mustGet(id);
    if (agent.status === "retired") throw conflict(`agent ${id} is already retired`, "invalid_action");
    return this.#setStatus(agent, "retired");
  }

  reinstate(id: string): RegistryAgent {
    const agent = this.#mustGet(id);
    if (agent.status !== "retired") {
      throw conflict(
        `agent ${id} is ${agent.status}; only a retired agent can be reinstated`,
        "invalid_action",
      );
    }
    const counts = agent.instance_counts;
    return this.#setStatus(agent, counts.active > 0 ? "active" : counts.total > 0 ? "dormant" : "pending");
  }

  delete(id: string): RegistryAgent {
    const agent = this.#mustGet(id);
    if (agent.status !== "retired") {
      throw conflict(`agent ${id} is ${agent.status}; retire it before deleting it`, "invalid_action");
    }
    this.#agents.delete(id);
    return agent;
  }

  list(query: {
    offset: number;
    pageSize: number;
    sort: { field: RegistrySortField; descending: boolean };
  }): {
    summaries: RegistryAgent[];
    pagination: RegistryPagination;
  } {
    const { field, descending } = query.sort;
    const sign = descending ? -1 : 1;
    const all = [...this.#agents.values()].sort((a, b) => {
      const x = a[field] ?? "";
      const y = b[field] ?? "";
      return sign * (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1);
    });
    const summaries = all.slice(query.offset, query.offset + query.pageSize);
    return {
      summaries,
      pagination: paginationOf(all.length, query.offset, query.pageSize, summaries.length),
    };
  }

  clear(): void {
    this.#agents.clear();
    this.#riskProfiles.clear();
  }

  #setStatus(agent: RegistryAgent, status: RegistryStatus): RegistryAgent {
    const next: RegistryAgent = {
      ...agent,
      status,
      updated_at: this.#stamp(),
      available_actions: availableActions(status),
    };
    this.#agents.set(agent.id, next);
    return next;
  }

  #mustGet(id: string): RegistryAgent {
    const agent = this.#agents.get(id);
    if (agent === undefined) throw notFound(`agent ${id} not found`);
    return agent;
  }

  /** Now, but never the same millisecond twice, so `-updated_at` orders changes as they happened. */
  #stamp(): string {
    this.#lastMs = Math.max(this.#deps.now(), this.#lastMs + 1);
    return new Date(this.#lastMs).toISOString();
  }
}

function countsFrom(given: Partial<Omit<InstanceCounts, "finished" | "total">>): InstanceCounts {
  const c = { active: 0, cancelled: 0, complete: 0, failed: 0, pending: 0, terminated: 0, ...given };
  const finished = c.complete + c.failed + c.cancelled + (c.terminated ?? 0);
  return { ...c, finished, total: finished + c.active + c.pending };
}

/**
 * The registry's PaginationOutput: one-based item and page indexes, zero-based offsets, null at the ends;
 * the one-based fields are 0 for an empty list or a page past the end.
 */
export function paginationOf(
  total: number,
  offset: number,
  pageSize: number,
  count: number,
): RegistryPagination {
  return {
    item_count: total,
    item_start: count === 0 ? 0 : offset + 1,
    item_end: count === 0 ? 0 : offset + count,
    page_count: Math.ceil(total / pageSize),
    page_index: total === 0 ? 0 : Math.floor(offset / pageSize) + 1,
    page_offset: offset,
    page_size: pageSize,
    next_page_offset: offset + pageSize < total ? offset + pageSize : null,
    previous_page_offset: offset > 0 ? Math.max(0, offset - pageSize) : null,
  };
}
