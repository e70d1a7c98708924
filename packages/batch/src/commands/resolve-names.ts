import type { Client } from "@agentdeck/core";
import { Uuid } from "@agentdeck/core";
import { UsageError } from "./command-io.ts";

/** What a name-or-id argument names: an id as given, or the one item whose name is exactly it. */
async function resolveName(
  what: "agent" | "pool",
  nameOrId: string,
  list: AsyncIterable<{ id: string; name: string }>,
): Promise<string> {
  if (Uuid.safeParse(nameOrId).success) return nameOrId.toLowerCase();
  const matches: { id: string; name: string }[] = [];
  for await (const item of list) if (item.name === nameOrId) matches.push(item);
  if (matches.length === 1) return (matches[0] as { id: string }).id;
  if (matches.length === 0)
    throw new UsageError(`there is no ${what} named "${nameOrId}"; give its exact name or its id`);
  throw new UsageError(
    `${matches.length} ${what}s are named "${nameOrId}" (${matches.map((item) => item.id).join(", ")}); give the id of the one you mean`,
  );
}

/** An agent's id from its id or exact name. */
export function resolveAgent(client: Client, nameOrId: string): Promise<string> {
  return resolveName("agent", nameOrId, client.agents.listAll({ searchName: nameOrId, pageSize: 100 }));
}

/** A pool's id from its id or exact name. */
export function resolvePool(client: Client, nameOrId: string): Promise<string> {
  return resolveName("pool", nameOrId, client.pools.listAll({ searchName: nameOrId, pageSize: 100 }));
}
