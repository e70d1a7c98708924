import type { AddressInfo } from "node:net";
import { AGENTS_PREFIX, REGISTRY_PREFIX } from "./http/api.ts";
import { buildApp } from "./http/app.ts";
import type { FaultOptions } from "./http/faults.ts";
import type { TransformResponse } from "./http/transform-response.ts";
import { createRandom } from "./random.ts";
import { SandboxStore } from "./store/store.ts";

/** The demo API key for v2 (`X-Asteroid-Agents-Api-Key`) when none is given. */
export const DEFAULT_API_KEY = "sandbox-demo-key";
/** The demo registry token (`Authorization: Bearer …`) when none is given. */
export const DEFAULT_REGISTRY_TOKEN = "sandbox-demo-token";
/** Number of demo pools when `pools` is not given. */
export const DEFAULT_POOL_COUNT = 8;
/** Time between two steps of a running execution: slow enough to watch in the TUI. */
export const DEFAULT_STEP_MS = 700;
/** Largest request body accepted; a bigger one is a 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 unless given. */
  host?: string;
  /** Seed of the demo data, the ids and the fault rolls; 1 unless given. */
  seed?: number;
  /** Number of pools to generate; the first eight are the curated demo pools. */
  pools?: number;
  apiKey?: string;
  registryToken?: string;
  /** Added to every request. */
  latencyMs?: number;
  /** Time between two steps of a running execution (700 by default; tests use 5 to 20). */
  stepMs?: number;
  faults?: FaultOptions;
  /** Source of the fault rolls, [0, 1); a generator seeded by `seed` unless given. */
  random?: () => number;
  /** Test-only: rewrites JSON responses, e.g. to inject drift into a contract test. */
  transformResponse?: TransformResponse;
  /** How long a file's signed URL serves it, in seconds; 900 unless given. */
  signedUrlTtlSeconds?: number;
}

/** A running sandbox: where it listens, its credentials, its state, and how to stop it. */
export interface Sandbox {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Base URL of the Asteroid Agents API v2: `${url}/agents/v2`. */
  agentsUrl: string;
  /** Base URL of the agent registry API v1: `${url}/api/v1`. */
  registryUrl: string;
  apiKey: string;
  registryToken: string;
  /** The demo organization's id. */
  organizationId: string;
  store: SandboxStore;
  /** Stops the server and every execution timer. */
  close(): Promise<void>;
}

/** Starts a sandbox serving both APIs on one port, with seeded demo data. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 1;
  const store = new SandboxStore({
    seed,
    pools: options.pools ?? DEFAULT_POOL_COUNT,
    stepMs: options.stepMs ?? DEFAULT_STEP_MS,
    ...(options.signedUrlTtlSeconds === undefined
      ? {}
      : { signedUrlTtlSeconds: options.signedUrlTtlSeconds }),
  });
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const registryToken = options.registryToken ?? DEFAULT_REGISTRY_TOKEN;
  const faultRandom = createRandom(seed, "faults");
  const app = await buildApp({
    store,
    apiKey,
    registryToken,
    bodyLimit: BODY_LIMIT_BYTES,
    latencyMs: options.latencyMs ?? 0,
    faults: options.faults,
    random: options.random ?? (() => faultRandom.next()),
    transformResponse: options.transformResponse,
  });
  const host = options.host ?? "127.0.0.1";
  try {
    await app.listen({ port: options.port ?? 0, host });
  } catch (error) {
    store.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  store.setOrigin(url);
  let closing: Promise<void> | undefined;
  return {
    url,
    agentsUrl: `${url}${AGENTS_PREFIX}`,
    registryUrl: `${url}${REGISTRY_PREFIX}`,
    apiKey,
    registryToken,
    organizationId: store.organizationId,
    store,
    close() {
      closing ??= (async () => {
        store.close();
        await app.close();
      })();
      return closing;
    },
  };
}
