// Where the request-overhead figure's time goes: each step from plain fetch to `client.pools.list`,
// interleaved in a fresh random order every round against one sandbox of 10,000 pools.
// Run: bash scripts/dev.sh exec bash -c "cd bench && node experiments/request-attribution.ts"
import { AgentProfilePool, createClient, PoolPage } from "@agentdeck/core";
import ky from "ky";
import * as z from "zod";
import { startSandboxProcess } from "../lib/sandbox-process.ts";
import { summarize } from "../lib/stats.ts";

const ROUNDS = 2_500;
const WARMUP = 500;

const sandbox = await startSandboxProcess({ pools: 10_000 });
const url = `${sandbox.agentsUrl}/agent-profile-pools?pageSize=50`;
const headers = {
  accept: "application/json",
  "user-agent": "agentdeck-core/bench",
  "x-asteroid-agents-api-key": sandbox.apiKey,
};
// The options core's request.ts gives ky: one attempt, no ky timeout, no thrown HTTP errors.
const kyOptions = { headers, redirect: "manual", retry: 0, timeout: false, throwHttpErrors: false } as const;
// How core hands its deadline to fetch: past ky, straight into fetch's init.
const withSignal = (signal: AbortSignal) => ({
  ...kyOptions,
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, { ...init, signal }),
});
const decoder = new TextDecoder();
// How core reads a body: its own reader, counting bytes, under the deadline's signal.
async function readCounted(response: Response, signal: AbortSignal): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  signal.addEventListener("abort", cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    chunks.push(value);
  }
  signal.removeEventListener("abort", cancel);
  const whole = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(whole);
}
// Tried, not adopted: the page with ids and timestamps checked as plain strings, not uuid/ISO formats.
const stringOnly = {
  id: z.string(),
  organizationId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
const LenientPoolPage = PoolPage.extend({ items: z.array(AgentProfilePool.extend(stringOnly)) });
const client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.agentsUrl });

const steps: Record<string, () => Promise<unknown>> = {
  "fetch + json()": async () => (await fetch(url, { headers })).json(),
  "ky + JSON.parse": async () => JSON.parse(await (await ky(url, kyOptions)).text()),
  "ky + lenient page": async () => LenientPoolPage.parse(JSON.parse(await (await ky(url, kyOptions)).text())),
  "ky + PoolPage.parse": async () => PoolPage.parse(JSON.parse(await (await ky(url, kyOptions)).text())),
  "… + deadline signal": async () => {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), 30_000);
    const response = await ky(url, withSignal(deadline.signal));
    const page = PoolPage.parse(JSON.parse(await response.text()));
    clearTimeout(timer);
    return page;
  },
  "… + counted body read": async () => {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), 30_000);
    const response = await ky(url, withSignal(deadline.signal));
    const page = PoolPage.parse(JSON.parse(await readCounted(response, deadline.signal)));
    clearTimeout(timer);
    return page;
  },
  "client.pools.list": () => client.pools.list({ pageSize: 50 }),
};

const samples = new Map(Object.keys(steps).map((name) => [name, [] as number[]]));
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  for (const [name, step] of Object.entries(steps).sort(() => Math.random() - 0.5)) {
    const started = performance.now();
    await step();
    if (round >= WARMUP) samples.get(name)?.push((performance.now() - started) * 1000);
  }
}
await sandbox.close();
let previous: number | undefined;
for (const [name, values] of samples) {
  const { median, min } = summarize(values, "us", { digits: 0 });
  const added = previous === undefined ? "" : ` (+${Math.round(median - previous)})`;
  console.log(`${name.padEnd(22)} median ${median} µs${added}, min ${min} µs`);
  previous = median;
}
