import type { AgentListItem, AgentSortField, SortDirection } from "@agentdeck/core";
import { conflict } from "../sandbox-error.ts";
import { paginate } from "./paginate.ts";

/** What `store.addAgent` takes. */
export interface AgentInput {
  id?: string;
  name: string;
  organizationId?: string;
  userId?: string;
  createdAt?: string;
  /** The workflow its executions run; generated when not given. */
  workflowId?: string;
  /** Its current version (1 unless given): what an execution runs when it names none. */
  version?: number;
  /** The agent's own profiles: what a run started with neither a profile nor a pool picks from. */
  profileIds?: string[];
}

/** An agent as listed, plus what its executions report and run with. */
export interface AgentRecord {
  agent: AgentListItem;
  workflowId: string;
  version: number;
  profileIds: string[];
}

export interface AgentQuery {
  organizationId?: string;
  searchName?: string;
  sortField: AgentSortField;
  sortDirection: SortDirection;
  page: number;
  pageSize: number;
}

interface AgentDefaults {
  uuid: () => string;
  now: () => number;
  organizationId: () => string;
  userId: () => string;
}

/** The agents of the v2 API (the registry's agents are a separate service: see RegistryTable). */
export class AgentTable {
  readonly #records = new Map<string, AgentRecord>();

  readonly #defaults: AgentDefaults;

  constructor(defaults: AgentDefaults) {
    this.#defaults = defaults;
  }

  get(id: string): AgentRecord | undefined {
    return this.#records.get(id);
  }

  add(input: AgentInput): AgentListItem {
    const id = (input.id ?? this.#defaults.uuid()).toLowerCase();
    if (this.#records.has(id)) throw conflict(`an agent with id ${id} already exists`);
    const agent: AgentListItem = {
      id,
      name: input.name,
      createdAt: new Date(input.createdAt ?? this.#defaults.now()).toISOString(),
      userId: input.userId ?? this.#defaults.userId(),
      organizationId: input.organizationId ?? this.#defaults.organizationId(),
    };
    this.#records.set(id, {
      agent,
      workflowId: input.workflowId ?? this.#defaults.uuid(),
      version: input.version ?? 1,
      profileIds: (input.profileIds ?? []).map((p) => p.toLowerCase()),
    });
    return agent;
  }

  list(query: AgentQuery): { items: AgentListItem[]; total: number } {
    const needle = query.searchName?.toLowerCase() ?? "";
    const key =
      query.sortField === "name"
        ? (a: AgentListItem) => a.name.toLowerCase()
        : (a: AgentListItem) => a.createdAt;
    const sign = query.sortDirection === "desc" ? -1 : 1;
    const matching = [...this.#records.values()]
      .map((r) => r.agent)
      .filter(
        (a) =>
          (query.organizationId === undefined || a.organizationId === query.organizationId) &&
          a.name.toLowerCase().includes(needle),
      )
      .sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1));
    return paginate(matching, query.page, query.pageSize);
  }

  clear(): void {
    this.#records.clear();
  }
}
