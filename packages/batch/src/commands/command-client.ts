import { type Client, createClient } from "@agentdeck/core";
import { type CommandIo, UsageError } from "./command-io.ts";

/**
 * The client a command talks through: the caller's (the `agentdeck` CLI builds it from its profiles),
 * else one from ASTEROID_API_KEY and ASTEROID_BASE_URL.
 */
export function commandClient(io: CommandIo): Client {
  if (io.client !== undefined) return io.client;
  const apiKey = io.env.ASTEROID_API_KEY?.trim();
  if (apiKey === undefined || apiKey === "") {
    // No embedded sandbox here: it would die with this process, and the batch's executions with it.
    throw new UsageError(
      "no API key: set ASTEROID_API_KEY (and ASTEROID_BASE_URL for another server, such as a sandbox started with agentdeck-sandbox)",
    );
  }
  const baseUrl = io.env.ASTEROID_BASE_URL?.trim();
  return createClient({ apiKey, ...(baseUrl ? { baseUrl } : {}) });
}
