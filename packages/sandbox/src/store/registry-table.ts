import type {
  AvailableActions,
  CreateRegistryAgentRequest,
  InstanceCounts,
  REGISTRY_AGENT_STATUSES,
  RegistryAgent,
  RegistryAgentSummary,
  RegistryPagination,
  RegistrySortField,
  UpdateRegistryAgentRequest,
} from "@agentdeck/core";
import { extractPartition } from "@prefactor/pfid";
import { REGISTRY_VALIDATION_STATUS } from "../http/validation.ts";
import { conflict, notFound, SandboxError } from "../sandbox-error.ts";

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
  external_identifier?: string | null;
  owner_person_id?: string | null;
  team_id?: string | null;
  inserted_at?: string;
}

/** A stored agent: always with its counts, which answers leave out unless asked for. */
type StoredAgent = RegistryAgent & { instance_counts: InstanceCounts };

/** What `GET /api/v1/agent` asks for, validated. */
export interface RegistryListQuery {
  offset: number;
  pageSize: number;
  sorting: { field: RegistrySortField; descending: boolean };
  riskProfileId?: string | undefined;
  teamId?: string | undefined;
  ownerPersonId?: string | undefined;
}

/** An agent as a list shows it: without instance counts. */
export function summaryOf(agent: RegistryAgent): RegistryAgentSummary {
  const { instance_counts: _counts, ...summary } = agent;
  return summary;
}

/** What may be done to an agent in `status`: a retired agent can only be reinstated or deleted. */
export function availableActions(status: string): AvailableActions {
  const retired = status === "retired";
  return { delete: retired, reinstate: retired, retire: !retired, update: !retired };
}

interface RegistryDeps {
  /** A new PFID in the account's partition, with `atMs` as its timestamp. */
  registryId: (atMs: number) => string;
  now: () => number;
  /** The account's partition: every id the registry mints carries it. */
  partition: () => number;
  /** The environment new agents are registered in. */
  environmentId: () => string;
}

/** The agent registry (API v1): a separate service from the v2 agents, with its own ids and envelope. */
export class RegistryTable {
  readonly #agents = new Map<string, StoredAgent>();
  readonly #riskProfiles = new Set<string>();
  #lastMs = 0;

  readonly #deps: RegistryDeps;

  constructor(deps: RegistryDeps) {
    this.#deps = deps;
  }

  /** An agent with its counts. */
  get(id: string): StoredAgent | undefined {
    return this.#agents.get(id);
  }

  /** An agent by the external identifier its creator gave it. */
  byExternalIdentifier(externalIdentifier: string): StoredAgent | undefined {
    for (const agent of this.#agents.values()) {
      if (agent.external_identifier === externalIdentifier) return agent;
    }
    return undefined;
  }

  add(input: RegistryAgentInput): StoredAgent {
    const insertedMs = input.inserted_at === undefined ? this.#tick() : Date.parse(input.inserted_at);
    const id = input.id ?? this.#deps.registryId(insertedMs);
    if (this.#agents.has(id)) throw conflict(`a registry agent with id ${id} already exists`);
    const external = input.external_identifier ?? null;
    if (external !== null && this.byExternalIdentifier(external) !== undefined) {
      throw conflict(`an agent with external_identifier "${external}" already exists in this account`);
    }
    const insertedAt = new Date(insertedMs).toISOString();
    const status = input.status ?? "pending";
    const agent: StoredAgent = {
      id,
      type: "agent",
      name: input.name,
      description: input.description ?? null,
      external_identifier: external,
      status,
      inserted_at: insertedAt,
      updated_at: insertedAt,
      instance_counts: countsFrom(input.instance_counts ?? {}),
      available_actions: availableActions(status),
      owner_person_id: input.owner_person_id ?? null,
      team_id: input.team_id ?? null,
      risk_profile_id: input.risk_profile_id ?? null,
      environment_id: this.#deps.environmentId(),
    };
    this.#agents.set(id, agent);
    return agent;
  }

  /** A risk profile agents can be created with (the registry has no route for them; the sandbox seeds two). */
  addRiskProfile(id = this.#deps.registryId(this.#tick())): string {
    this.#riskProfiles.add(id);
    return id;
  }

  /**
   * `POST /api/v1/agent`: a new agent is `pending`, with no instances. An unknown risk profile is a 404;
   * an `id` outside the account's partition is a validation error, as the registry refuses it.
   */
  create(details: CreateRegistryAgentRequest): StoredAgent {
    this.#mustKnowRiskProfile(details.risk_profile_id);
    if (details.id !== undefined && extractPartition(details.id) !== this.#deps.partition()) {
      const message = "must be a PFID in your account's partition (its characters 11 to 16)";
      throw new SandboxError(
        REGISTRY_VALIDATION_STATUS,
        `the request has validation errors: details.id ${message}`,
        {
          errors: { "details.id": [message] },
        },
      );
    }
    const { name, description, external_identifier, id, owner_person_id, risk_profile_id, team_id } = details;
    return this.add({
      name,
      ...(id === undefined ? {} : { id }),
      ...(description === undefined ? {} : { description }),
      ...(external_identifier === undefined ? {} : { external_identifier }),
      ...(owner_person_id === undefined ? {} : { owner_person_id }),
      ...(risk_profile_id === undefined ? {} : { risk_profile_id }),
      ...(team_id === undefined ? {} : { team_id }),
    });
  }

  /** `PUT /api/v1/agent/{id}`: the given fields change, `null` clears one; a retired agent cannot be updated. */
  update(id: string, details: UpdateRegistryAgentRequest): StoredAgent {
    const agent = this.#mustGet(id);
    if (!agent.available_actions.update) {
      throw conflict(`agent ${id} is ${agent.status}; reinstate it before updating it`, "invalid_action");
    }
    this.#mustKnowRiskProfile(details.risk_profile_id);
    const { external_identifier: _never, ...changes } = details;
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const next: StoredAgent = { ...agent, ...given, updated_at: new Date(this.#tick()).toISOString() };
    this.#agents.set(id, next);
    return next;
  }

  retire(id: string): StoredAgent {
    const agent = this.#mustGet(id);
    if (agent.status === "retired") throw conflict(`agent ${id} is already retired`, "invalid_action");
    return this.#setStatus(agent, "retired");
  }

  reinstate(id: string): StoredAgent {
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

  delete(id: string): StoredAgent {
    const agent = this.#mustGet(id);
    if (agent.status !== "retired") {
      throw conflict(`agent ${id} is ${agent.status}; retire it before deleting it`, "invalid_action");
    }
    this.#agents.delete(id);
    return agent;
  }

  /** `GET /api/v1/agent`: filtered, sorted, one page of summaries, with the paging and the sorting used. */
  list(query: RegistryListQuery): {
    summaries: RegistryAgentSummary[];
    pagination: RegistryPagination;
    sorting: { field: RegistrySortField; direction: "asc" | "desc" };
  } {
    const { field, descending } = query.sorting;
    const sign = descending ? -1 : 1;
    const all = [...this.#agents.values()]
      .filter(
        (a) =>
          (query.riskProfileId === undefined || a.risk_profile_id === query.riskProfileId) &&
          (query.teamId === undefined || a.team_id === query.teamId) &&
          (query.ownerPersonId === undefined || a.owner_person_id === query.ownerPersonId),
      )
      .sort((a, b) => {
        const x = a[field] ?? "";
        const y = b[field] ?? "";
        return sign * (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      });
    const page = all.slice(query.offset, query.offset + query.pageSize);
    return {
      summaries: page.map(summaryOf),
      pagination: paginationOf(all.length, query.offset, query.pageSize, page.length),
      sorting: { field, direction: descending ? "desc" : "asc" },
    };
  }

  clear(): void {
    this.#agents.clear();
    this.#riskProfiles.clear();
  }

  #setStatus(agent: StoredAgent, status: RegistryStatus): StoredAgent {
    const next: StoredAgent = {
      ...agent,
      status,
      updated_at: new Date(this.#tick()).toISOString(),
      available_actions: availableActions(status),
    };
    this.#agents.set(agent.id, next);
    return next;
  }

  #mustGet(id: string): StoredAgent {
    const agent = this.#agents.get(id);
    if (agent === undefined) throw notFound(`agent ${id} not found`);
    return agent;
  }

  #mustKnowRiskProfile(riskProfileId: string | null | undefined): void {
    if (typeof riskProfileId === "string" && !this.#riskProfiles.has(riskProfileId)) {
      throw notFound(`risk profile ${riskProfileId} not found`);
    }
  }

  /** Now in ms, but never the same millisecond twice, so ids (which start with it) sort in creation order. */
  #tick(): number {
    this.#lastMs = Math.max(this.#deps.now(), this.#lastMs + 1);
    return this.#lastMs;
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
