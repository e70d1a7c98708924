import { createClient } from "@agentdeck/core";
import createFetchClient from "openapi-fetch";
import type { paths } from "../agents-v2.gen.ts";
import { type FigureContext, type FigureOutcome, format } from "../lib/figure.ts";
import { startSandboxProcess } from "../lib/sandbox-process.ts";
import { ratio, type Stat, summarize } from "../lib/stats.ts";

const PAGE_SIZE = 50;
const POOLS = 10_000;
const TARGET_RATIO = 1.15;

/** `figures.requestOverhead` of results.json. */
export type RequestOverheadResult = {
  pageSize: number;
  /** `client.pools.list({ pageSize: 50 })`: one request, the page validated by zod. */
  core: Stat;
  /** The anchor: `fetch` + `response.json()`, no validation. */
  fetch: Stat;
  /** Second anchor: openapi-fetch with the generated types (typed, not validated). */
  openapiFetch: Stat;
  /** median(core) / median(fetch). */
  ratio: number | null;
  /** median(openapiFetch) / median(fetch). */
  openapiFetchRatio: number | null;
  /** median(core) - median(fetch): what core adds to one request, in microseconds. */
  overheadUs: number;
  target: { maxRatio: number };
  met: boolean;
};

type Contender = { name: "core" | "fetch" | "openapiFetch"; request: () => Promise<number> };

/** Shuffles in place (Fisher-Yates): each round runs the contenders in a fresh order. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Figure 1: what `client.pools.list` costs on top of a plain `fetch` of the same page. */
export async function requestOverhead(context: FigureContext): Promise<FigureOutcome<RequestOverheadResult>> {
  const sandbox = await startSandboxProcess({ pools: POOLS, profile: context.profile("sandbox") });
  try {
    const headers = { "x-asteroid-agents-api-key": sandbox.apiKey, accept: "application/json" };
    const url = `${sandbox.agentsUrl}/agent-profile-pools?pageSize=${PAGE_SIZE}`;
    const client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.agentsUrl });
    const typed = createFetchClient<paths>({ baseUrl: sandbox.agentsUrl, headers });

    const contenders: Contender[] = [
      {
        name: "fetch",
        request: async () => {
          const response = await fetch(url, { headers });
          if (!response.ok) throw new Error(`fetch: HTTP ${response.status}`);
          const page = (await response.json()) as { items: unknown[] };
          return page.items.length;
        },
      },
      {
        name: "core",
        request: async () => (await client.pools.list({ pageSize: PAGE_SIZE })).items.length,
      },
      {
        name: "openapiFetch",
        request: async () => {
          const { data, error } = await typed.GET("/agent-profile-pools", {
            params: { query: { pageSize: PAGE_SIZE } },
          });
          if (error !== undefined || data === undefined) throw new Error("openapi-fetch: request failed");
          return data.items.length;
        },
      },
    ];

    const warmup = context.quick ? 50 : 300;
    const rounds = context.quick ? 150 : 1500;
    const samples: Record<Contender["name"], number[]> = { core: [], fetch: [], openapiFetch: [] };
    for (let round = 0; round < warmup + rounds; round++) {
      for (const contender of shuffle([...contenders])) {
        const started = performance.now();
        const items = await contender.request();
        const elapsedUs = (performance.now() - started) * 1000;
        if (items !== PAGE_SIZE) throw new Error(`${contender.name} got ${items} items, not ${PAGE_SIZE}`);
        if (round >= warmup) samples[contender.name].push(elapsedUs);
      }
    }
    context.log(`${rounds} interleaved rounds after ${warmup} warm-up rounds`);

    const core = summarize(samples.core, "us", { digits: 1 });
    const plain = summarize(samples.fetch, "us", { digits: 1 });
    const openapiFetch = summarize(samples.openapiFetch, "us", { digits: 1 });
    const coreRatio = ratio(core.median, plain.median);
    const result: RequestOverheadResult = {
      pageSize: PAGE_SIZE,
      core,
      fetch: plain,
      openapiFetch,
      ratio: coreRatio,
      openapiFetchRatio: ratio(openapiFetch.median, plain.median),
      overheadUs: Number((core.median - plain.median).toFixed(1)),
      target: { maxRatio: TARGET_RATIO },
      met: coreRatio !== null && coreRatio <= TARGET_RATIO,
    };
    return {
      result,
      rows: [
        {
          figure: "1 request: core pools.list (50, validated)",
          value: `${format(core.median)} µs`,
          anchor: `fetch ${format(plain.median)} µs`,
          ratio: `${format(result.ratio, 2)}×`,
          target: `≤ ${TARGET_RATIO}×`,
          met: result.met,
        },
        {
          figure: "1 request: openapi-fetch (typed)",
          value: `${format(openapiFetch.median)} µs`,
          anchor: `fetch ${format(plain.median)} µs`,
          ratio: `${format(result.openapiFetchRatio, 2)}×`,
          target: "—",
          met: null,
        },
      ],
    };
  } finally {
    await sandbox.close();
  }
}
