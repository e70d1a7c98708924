import { type AgentProfilePool, type Client, POOL_SORT_FIELDS, type UserContext } from "@agentdeck/core";
import { initialQuery } from "../list/listState.ts";
import { PAGE_SIZE, poolPages } from "../screens/pageSources.ts";
import type { OpeningPage } from "../screens/resource.ts";

/**
 * Asks for the Pools tab's first page at once, beside `GET /context`, so the first frame can show
 * it. Without a known organization it asks for the pools of all of the key's organizations: for a
 * key with one organization (the answer to `context` says) that is the same page.
 */
export async function fetchOpeningPage(
  client: Client,
  organizationId: string | undefined,
  context: Promise<UserContext>,
): Promise<OpeningPage<AgentProfilePool> | undefined> {
  // The query the Pools tab starts with (screens/pools/pools.ts).
  const query = initialQuery({ sortFields: POOL_SORT_FIELDS });
  const page = poolPages(client, organizationId)(query, PAGE_SIZE, new AbortController().signal);
  const [answer, known] = await Promise.all([page, context]);
  const organization =
    organizationId ?? (known.organizations.length === 1 ? known.organizations[0]?.id : undefined);
  return organization === undefined ? undefined : { organizationId: organization, ...answer, at: new Date() };
}
