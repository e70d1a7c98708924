import type { RegistrySorting, SortDirection } from "@agentdeck/core";

/** Page size of a v2 list when the caller gives none, as `Common.Pagination.pageSize` documents. */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The most items the sandbox serves on one v2 page. The API documents no maximum, so a bigger `pageSize`
 * is not refused: it is served as this many, and the answer's `pageSize` says so.
 */
export const MAX_SERVED_PAGE_SIZE = 1000;

/** The page size a v2 list is served with: the caller's, or the default, at most `MAX_SERVED_PAGE_SIZE`. */
export function servedPageSize(pageSize: number | undefined): number {
  return Math.min(pageSize ?? DEFAULT_PAGE_SIZE, MAX_SERVED_PAGE_SIZE);
}

/** Page size of a registry list when the caller gives none. */
export const DEFAULT_REGISTRY_PAGE_SIZE = 10;

/** A registry list's order when the caller gives none: newest first (PFIDs begin with their creation time). */
export const DEFAULT_REGISTRY_SORTING: RegistrySorting = "-id";

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
    pageSize: servedPageSize(query.pageSize),
  };
}

/** The v2 list envelope `{items, page, pageSize, total}`. */
export function pageEnvelope<T>(
  result: { items: T[]; total: number },
  query: { page: number; pageSize: number },
) {
  return { items: result.items, page: query.page, pageSize: query.pageSize, total: result.total };
}
