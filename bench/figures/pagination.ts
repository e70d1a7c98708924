import { type Client, createClient } from "@agentdeck/core";
import { type FigureContext, type FigureOutcome, format, type TableRow } from "../lib/figure.ts";
import { startSandboxProcess } from "../lib/sandbox-process.ts";
import { ratio, type Stat, summarize } from "../lib/stats.ts";

const POOLS = 10_000;
const LATENCY_MS = 5;
const PAGE_SIZES = [50, 100] as const;
const TARGET_RATIO = 1.8;

/** One page size of `figures.pagination`. */
export type PaginationRun = {
  pageSize: number;
  /** `for await (const pool of client.pools.listAll({ pageSize }))`, items per second. */
  listAll: Stat;
  /** The anchor: `client.pools.list` page after page, each awaited before the next is asked for. */
  loop: Stat;
  /** median(listAll) / median(loop). */
  ratio: number | null;
  met: boolean;
};

/** `figures.pagination` of results.json. */
export type PaginationResult = {
  pools: number;
  latencyMs: number;
  pageSizes: PaginationRun[];
  target: { minRatio: number };
  met: boolean;
};

async function plainLoop(client: Client, pageSize: number): Promise<number> {
  let count = 0;
  for (let page = 1; ; page++) {
    const result = await client.pools.list({ page, pageSize });
    count += result.items.length;
    if (result.items.length < pageSize || page * pageSize >= result.total) return count;
  }
}

async function listAll(client: Client, pageSize: number): Promise<number> {
  let count = 0;
  for await (const _pool of client.pools.listAll({ pageSize })) count++;
  return count;
}

/** Runs `walk` once and returns items per second. */
async function itemsPerSecond(walk: () => Promise<number>): Promise<number> {
  const started = performance.now();
  const count = await walk();
  const seconds = (performance.now() - started) / 1000;
  if (count !== POOLS) throw new Error(`walked ${count} pools, not ${POOLS}`);
  return count / seconds;
}

/** Figure 2: `listAll`, which keeps several pages in flight, against a loop that waits for each page. */
export async function pagination(context: FigureContext): Promise<FigureOutcome<PaginationResult>> {
  const sandbox = await startSandboxProcess({
    pools: POOLS,
    latencyMs: LATENCY_MS,
    profile: context.profile("sandbox"),
  });
  try {
    const client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.agentsUrl });
    const runs = context.quick ? 2 : 5;
    const pageSizes: PaginationRun[] = [];
    for (const pageSize of PAGE_SIZES) {
      // One walk of each warms the JIT and the connection pool.
      await itemsPerSecond(() => plainLoop(client, pageSize));
      await itemsPerSecond(() => listAll(client, pageSize));
      const walks = { loop: plainLoop, listAll };
      const samples = { loop: [] as number[], listAll: [] as number[] };
      for (let run = 0; run < runs; run++) {
        // Rotate which goes first, so none always inherits another's leftovers.
        const names = ["loop", "listAll"] as const;
        for (let i = 0; i < names.length; i++) {
          const name = names[(run + i) % names.length] as (typeof names)[number];
          samples[name].push(await itemsPerSecond(() => walks[name](client, pageSize)));
        }
      }
      const loop = summarize(samples.loop, "items/s", { digits: 0 });
      const all = summarize(samples.listAll, "items/s", { digits: 0 });
      const runRatio = ratio(all.median, loop.median);
      pageSizes.push({
        pageSize,
        listAll: all,
        loop,
        ratio: runRatio,
        met: runRatio !== null && runRatio >= TARGET_RATIO,
      });
      context.log(`page size ${pageSize}: ${runs} runs of each, ratio ${runRatio}`);
    }
    const result: PaginationResult = {
      pools: POOLS,
      latencyMs: LATENCY_MS,
      pageSizes,
      target: { minRatio: TARGET_RATIO },
      met: pageSizes.every((run) => run.met),
    };
    const rows: TableRow[] = pageSizes.map((run) => ({
      figure: `2 listAll ${format(POOLS)} pools, page ${run.pageSize}, +${LATENCY_MS} ms`,
      value: `${format(run.listAll.median)} items/s`,
      anchor: `loop ${format(run.loop.median)} items/s`,
      ratio: `${format(run.ratio, 2)}×`,
      target: `≥ ${TARGET_RATIO}×`,
      met: run.met,
    }));
    return { result, rows };
  } finally {
    await sandbox.close();
  }
}
