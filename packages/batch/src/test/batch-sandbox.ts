import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, createClient } from "@agentdeck/core";
import { type Sandbox, type SandboxOptions, startSandbox } from "@agentdeck/sandbox";
import { afterAll, beforeAll } from "vitest";
import { BATCH_METADATA_KEY } from "../run/batch-metadata.ts";

/** A sandbox set up for batches: one agent and one pool of `profiles` profiles. */
export type BatchSandbox = {
  sandbox: Sandbox;
  client: Client;
  agentId: string;
  poolId: string;
  /** A directory for this file's journals and rows, removed afterwards. */
  dir: string;
  /** The environment that points a child `agentdeck-batch` at this sandbox. */
  env: Record<string, string>;
  /** How many executions the sandbox holds that carry `batchId` in their metadata, by row key. */
  executionsOf(batchId: string): Map<string, number>;
  /** Another pool in the sandbox, with `profiles` profiles. */
  addPool(allowConcurrentUse: boolean, profiles: number): string;
  /** A client of the same sandbox at another base URL (a proxy in front of it), or with other options. */
  clientAt(baseUrl: string, options?: { timeoutMs?: number; apiKey?: string }): Client;
};

/**
 * Starts a sandbox for one test file (executions step every 2 ms unless told otherwise) with an agent
 * and a pool that allows concurrent use, unless `allowConcurrentUse` is false.
 */
export function useBatchSandbox(
  options: SandboxOptions & { profiles?: number; allowConcurrentUse?: boolean } = {},
): BatchSandbox {
  const state = {} as BatchSandbox;
  beforeAll(async () => {
    const { profiles = 2, allowConcurrentUse = true, ...sandboxOptions } = options;
    state.sandbox = await startSandbox({ stepMs: 2, ...sandboxOptions });
    const { store } = state.sandbox;
    state.agentId = store.addAgent({ name: "Batch test agent" }).id;
    let pools = 0;
    state.addPool = (allowConcurrentUse, profiles) => {
      const pool = store.addPool({ name: `Batch test pool ${++pools}`, allowConcurrentUse });
      for (let i = 0; i < profiles; i++) store.addProfile(pool.id, { name: `profile ${i + 1}` });
      return pool.id;
    };
    state.clientAt = (baseUrl, clientOptions = {}) =>
      createClient({
        apiKey: clientOptions.apiKey ?? state.sandbox.apiKey,
        baseUrl,
        retryTiming: { baseMs: 5, capMs: 20, maxRetryAfterMs: 60_000 },
        ...(clientOptions.timeoutMs === undefined ? {} : { timeoutMs: clientOptions.timeoutMs }),
      });
    state.poolId = state.addPool(allowConcurrentUse, profiles);
    state.client = state.clientAt(state.sandbox.agentsUrl);
    state.dir = mkdtempSync(join(tmpdir(), "agentdeck-batch-"));
    state.env = { ASTEROID_API_KEY: state.sandbox.apiKey, ASTEROID_BASE_URL: state.sandbox.agentsUrl };
    state.executionsOf = (batchId) => {
      const { items } = store.executions.list({
        metadataKey: BATCH_METADATA_KEY,
        metadataValue: batchId,
        page: 1,
        pageSize: 1_000_000,
        sortField: "created_at",
        sortDirection: "asc",
      });
      const byRow = new Map<string, number>();
      for (const execution of items) {
        const key = String(execution.metadata?.agentdeck_row);
        byRow.set(key, (byRow.get(key) ?? 0) + 1);
      }
      return byRow;
    };
  });
  afterAll(async () => {
    await state.sandbox?.close();
    if (state.dir !== undefined) rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}
