/** A pool as the benchmarks need it: to know what the TUI should show. */
export type PoolRow = { id: string; name: string };

/**
 * One page of pools straight from the sandbox, sorted as the TUI sorts them by default (name,
 * ascending), to know which rows and which detail a key press should bring on screen.
 */
export async function fetchPoolPage(
  sandbox: { agentsUrl: string; apiKey: string },
  query: { page: number; pageSize: number; searchName?: string },
): Promise<{ items: PoolRow[]; total: number }> {
  const search = new URLSearchParams({
    page: String(query.page),
    pageSize: String(query.pageSize),
    sortField: "name",
    sortDirection: "asc",
  });
  if (query.searchName !== undefined) search.set("searchName", query.searchName);
  const response = await fetch(`${sandbox.agentsUrl}/agent-profile-pools?${search}`, {
    headers: { "x-asteroid-agents-api-key": sandbox.apiKey },
  });
  if (!response.ok) throw new Error(`the sandbox answered ${response.status} to a pool list`);
  return (await response.json()) as { items: PoolRow[]; total: number };
}
