import {
  type AgentListItem,
  type AgentProfilePool,
  type Client,
  EXECUTION_STATUSES,
  type Execution,
  type ExecutionStatus,
  isTerminalStatus,
  type RegistryAgent,
  type RegistrySorting,
} from "@agentdeck/core";
import type { ListQuery } from "../list/listState.ts";
import type { PageSource } from "../list/useList.ts";

/** Rows fetched per page: the API's maximum, so paging is rare. */
export const PAGE_SIZE = 100;

/** The params of a list of the organization searched by name: pools and agents take the same. */
function byNameParams(query: ListQuery, pageSize: number, organizationId: string | undefined) {
  return {
    ...(organizationId === undefined ? {} : { organizationId }),
    page: query.page,
    pageSize,
    ...(query.search === "" ? {} : { searchName: query.search }),
    sortField: query.sortField as "name",
    sortDirection: query.sortDirection,
  };
}

/** Pools of the organization, one page at a time, searched by name on the server. */
export function poolPages(client: Client, organizationId: string | undefined): PageSource<AgentProfilePool> {
  return (query, pageSize, signal) =>
    client.pools.list(byNameParams(query, pageSize, organizationId), { signal });
}

/** Agents of the organization, searched by name on the server. */
export function agentPages(client: Client, organizationId: string | undefined): PageSource<AgentListItem> {
  return (query, pageSize, signal) =>
    client.agents.list(byNameParams(query, pageSize, organizationId), { signal });
}

/** The status filter meaning every status that has not ended. */
export const ACTIVE = "active";

/** The statuses a status filter stands for: one status, or every unfinished one. */
export function statusesOf(filter: string | undefined): ExecutionStatus[] | undefined {
  if (filter === undefined) return undefined;
  if (filter === ACTIVE) return EXECUTION_STATUSES.filter((status) => !isTerminalStatus(status));
  return [filter as ExecutionStatus];
}

/** Executions, filtered by status and searched by (part of) their id on the server. */
export function executionPages(client: Client, organizationId: string | undefined): PageSource<Execution> {
  return (query, pageSize, signal) =>
    client.executions.list(
      {
        ...(organizationId === undefined ? {} : { organizationId }),
        page: query.page,
        pageSize,
        ...(query.search === "" ? {} : { executionId: query.search }),
        ...(query.status === undefined ? {} : { status: statusesOf(query.status) }),
        sortField: query.sortField as "created_at",
        sortDirection: query.sortDirection,
      },
      { signal },
    );
}

/**
 * Registered agents, by offset. The registry API has no search by name, so the filter keeps the
 * rows of the fetched page whose name contains it.
 */
export function registryPages(client: Client): PageSource<RegistryAgent> {
  return async (query, pageSize, signal) => {
    const page = await client.registry.agents.list(
      {
        offset: (query.page - 1) * pageSize,
        pageSize,
        sorting: `${query.sortDirection === "desc" ? "-" : ""}${query.sortField}` as RegistrySorting,
      },
      { signal },
    );
    const search = query.search.toLowerCase();
    const items =
      search === "" ? page.items : page.items.filter((a) => a.name.toLowerCase().includes(search));
    return { items, total: page.pagination?.item_count ?? items.length };
  };
}
