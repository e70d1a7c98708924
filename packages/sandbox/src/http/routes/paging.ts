import type { SortDirection } from "@agentdeck/core";

/** Page size of a v2 list when the caller gives none, as `Common.Pagination.pageSize` documents. */
export const DEFAULT_PAGE_SIZE = 50;

/** Page size of a registry list when the caller gives none. */
export const DEFAULT_REGISTRY_PAGE_SIZE = 10;

/**
 * A validated name-searchable list query (pools, agents) with the defaults filled in: page 1, 50 to a
 * page, by name ascending unless asked otherwise, ids lowercased.
 */
export function nameListQuery<F extends string>(query: {
  organizationId?: string | undefined;
  searchName?: string | undefined;
  sortField?: F | undefined;
  sortDirection?: SortDirection | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}) {
  return {
    ...(query.organizationId === undefined ? {} : { organizationId: query.organizationId.toLowerCase() }),
    ...(query.searchName === undefined ? {} : { searchName: query.searchName }),
    sortField: query.sortField ?? ("name" as F),
    sortDirection: query.sortDirection ?? "asc",
    page: query.page ?? 1,
    pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
  };
}

/** The v2 list envelope `{items, page, pageSize, total}`. */
export function pageEnvelope<T>(
  result: { items: T[]; total: number },
  query: { page: number; pageSize: number },
) {
  return { items: result.items, page: query.page, pageSize: query.pageSize, total: result.total };
}
