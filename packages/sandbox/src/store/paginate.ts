/** One page (1-based) of an already filtered and sorted list, with the total before paging. */
export function paginate<T>(
  all: readonly T[],
  page: number,
  pageSize: number,
): { items: T[]; total: number } {
  const start = (page - 1) * pageSize;
  return { items: all.slice(start, start + pageSize), total: all.length };
}
