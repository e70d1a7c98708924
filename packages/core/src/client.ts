import { ClientOptions, DEFAULT_BASE_URL, DEFAULT_REGISTRY_BASE_URL } from "./client-options.ts";
import { createRedactor } from "./redact.ts";
import type { Transport } from "./request.ts";
import { agentsResource } from "./resources/agents.ts";
import { contextResource } from "./resources/context.ts";
import { executionsResource } from "./resources/executions.ts";
import { filesResource } from "./resources/files.ts";
import { poolsResource } from "./resources/pools.ts";
import { registryAgentsResource } from "./resources/registry-agents.ts";
import { DEFAULT_RETRY_TIMING } from "./retry.ts";
import { parseRequest } from "./validate.ts";
import { VERSION } from "./version.ts";

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 2;
/** Far above any page the APIs send, far below what would hurt the process (a gzip bomb stops here). */
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

function env(name: string): string | undefined {
  // Guarded: core also runs in browsers, where there is no `process`.
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[
    name
  ];
  return value === undefined || value === "" ? undefined : value;
}

/**
 * A client for the Asteroid Agents API v2 and the agent registry API v1. Each client holds its
 * own configuration: two clients never share state.
 */
export function createClient(options: ClientOptions = {}) {
  const config = parseRequest(ClientOptions, options, "client options");
  const apiKey =
    config.apiKey ?? parseRequest(ClientOptions.shape.apiKey, env("ASTEROID_API_KEY"), "ASTEROID_API_KEY");
  const token =
    config.registry?.token ??
    parseRequest(ClientOptions.shape.apiKey, env("AGENT_REGISTRY_TOKEN"), "AGENT_REGISTRY_TOKEN");
  const transport: Transport = {
    endpoints: {
      v2: {
        baseUrl: config.baseUrl ?? DEFAULT_BASE_URL,
        headers: apiKey === undefined ? {} : { "x-asteroid-agents-api-key": apiKey },
      },
      registry: {
        baseUrl: config.registry?.baseUrl ?? DEFAULT_REGISTRY_BASE_URL,
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      },
    },
    userAgent: config.userAgent ?? `agentdeck-core/${VERSION}`,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
    timing: { ...DEFAULT_RETRY_TIMING, ...config.retryTiming },
    maxResponseBytes: config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    fetch: config.fetch,
    redact: createRedactor([apiKey, token]),
  };
  return {
    /** Agent profile pools. */
    pools: poolsResource(transport),
    /** Agents and starting their executions. */
    agents: agentsResource(transport),
    /** Executions: get, list, activities, pause/resume/cancel, messages, waitForResult. */
    executions: executionsResource(transport),
    /** Staging files for a run, and downloading an execution's files. */
    files: filesResource(transport),
    /** The caller's user and organizations. */
    context: contextResource(transport),
    /** The agent registry API v1. */
    registry: { agents: registryAgentsResource(transport) },
  };
}

/** What `createClient` returns. */
export type Client = ReturnType<typeof createClient>;
