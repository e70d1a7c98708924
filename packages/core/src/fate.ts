/** What a write asked for, as `send` knows it: enough to say how to check what became of it. */
export type Write = {
  method: string;
  /** Relative to the API's base URL, such as `agents/{id}/execute`. */
  path: string;
  body: unknown;
  /** When the call started (ms since the epoch). */
  startedAt: number;
};

const EXECUTE = /^agents\/([^/]+)\/execute$/;
const POOLS = "agent-profile-pools";
const POOL = /^agent-profile-pools\/([^/]+)$/;
const USER_MESSAGES = /^executions\/([^/]+)\/user-messages$/;

// Server clocks drift: look a little before the call started.
const CLOCK_SLACK_MS = 60_000;

function field(body: unknown, name: string): unknown {
  return body !== null && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
}

/**
 * For a write that may have been carried out (its `mayHaveActed` is true), the sentence that tells
 * the caller how to find out whether it was, before they send it again: the client never does.
 */
export function howToFindOut(write: Write): string {
  const { method, path, body } = write;
  const execute = method === "POST" ? EXECUTE.exec(path) : null;
  if (execute) {
    const agentId = execute[1];
    const metadata = field(body, "metadata");
    const [entry] = metadata !== null && typeof metadata === "object" ? Object.entries(metadata) : [];
    const filter = entry
      ? `metadataKey: ${JSON.stringify(entry[0])}, metadataValue: ${JSON.stringify(entry[1])}`
      : `createdAfter: "${new Date(write.startedAt - CLOCK_SLACK_MS).toISOString()}"`;
    const tip = entry ? "" : " Give each execute a metadata value of its own to find its run for sure.";
    return `It may have started an execution: look for it with client.executions.list({ agentId: "${agentId}", ${filter} }) before starting another.${tip}`;
  }
  if (method === "POST" && path === POOLS) {
    const organizationId = JSON.stringify(field(body, "organizationId"));
    const name = JSON.stringify(field(body, "name"));
    return `It may have created the pool: look for it with client.pools.list({ organizationId: ${organizationId}, searchName: ${name} }) before creating it again.`;
  }
  const pool = method === "PATCH" ? POOL.exec(path) : null;
  if (pool) {
    return `It may have changed the pool: read it with client.pools.get("${pool[1]}") before changing it again.`;
  }
  const message = method === "POST" ? USER_MESSAGES.exec(path) : null;
  if (message) {
    return `The agent may have received the message: check client.executions.activities("${message[1]}") before sending it again.`;
  }
  return "It may have been carried out: check the current state before sending it again.";
}
