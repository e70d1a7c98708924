/** Page size of a v2 list when the caller gives none, as `Common.Pagination.pageSize` documents. */
export const DEFAULT_PAGE_SIZE = 50;

/** Page size of a registry list when the caller gives none. */
export const DEFAULT_REGISTRY_PAGE_SIZE = 10;
