import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@agentdeck/core";
import { profileFlags } from "../lib/cpu-profile.ts";
import { type FigureContext, type FigureOutcome, format } from "../lib/figure.ts";
import { requireBuilt } from "../lib/paths.ts";
import { startSandboxProcess } from "../lib/sandbox-process.ts";
import { ratio, type Stat, summarize } from "../lib/stats.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const BATCH_CLI = here("../../packages/batch/dist/cli.js");
const ANCHOR = here("./batch-anchor.ts");
const USAGE_PRELOAD = here("./batch-resource-usage.ts");

const CONCURRENCY = 100;
const POLL_MS = 100;
const STEP_MS = 1;
/** The cost per row at the largest size over the smallest may grow by this much at most. */
const MAX_COST_RATIO = 1.25;

/** One size of `figures.batchScale`: the batch's figures at that many rows. */
export type BatchSize = {
  rows: number;
  /** Rows done per second, from start to exit of the `agentdeck-batch run` process. */
  rowsPerSecond: Stat;
  /** CPU time of the batch process per row (µs), start-up included. */
  cpuUsPerRow: Stat;
  /** Peak RSS of the batch process (MiB). */
  peakRssMiB: Stat;
  /** The journal file at the end, per row (bytes). */
  journalBytesPerRow: Stat;
  /** The anchor at this size (core alone: execute + waitForResult per row, no journal), when measured. */
  anchor?: { rowsPerSecond: Stat; cpuUsPerRow: Stat; peakRssMiB: Stat };
};

/** `figures.batchScale` of results.json. */
export type BatchScaleResult = {
  concurrency: number;
  pollMs: number;
  stepMs: number;
  sizes: BatchSize[];
  /** cpuUsPerRow at the largest size ÷ at the smallest: 1 means the cost per row is flat. */
  costRatio: number | null;
  /** The same for wall time per row (1 / rowsPerSecond). */
  wallRatio: number | null;
  /** Rows per second of the batch ÷ the anchor's, at the smallest size. */
  anchorRatio: number | null;
  target: { maxCostRatio: number };
  met: boolean;
};

type Usage = { wallMs: number; cpuUs: number; maxRssKb: number; stdout: string };

/** Runs a Node program with the usage preload; throws with its stderr when it fails. */
async function measured(
  script: string,
  args: string[],
  env: Record<string, string>,
  flags: string[],
): Promise<Usage> {
  const dir = mkdtempSync(join(tmpdir(), "agentdeck-bench-usage-"));
  const usageFile = join(dir, "usage.json");
  const started = performance.now();
  const child = spawn(process.execPath, [...flags, "--import", USAGE_PRELOAD, script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_OPTIONS: "", BENCH_USAGE_FILE: usageFile, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const [code] = await once(child, "exit");
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`${script} exited ${code}:\n${stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { maxRssKb: number; cpuUs: number };
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, ...usage, stdout };
}

/** Figure 7: `agentdeck-batch run` over 1,000 and 10,000 rows of fast executions: throughput, CPU, memory, journal. */
export async function batchScale(context: FigureContext): Promise<FigureOutcome<BatchScaleResult>> {
  requireBuilt(BATCH_CLI);
  const sizes = context.quick ? [500, 2_000] : [1_000, 10_000];
  const runsAt = (rows: number) => (rows === sizes[0] && !context.quick ? 3 : 1);
  const sandbox = await startSandboxProcess({ stepMs: STEP_MS, profile: context.profile("sandbox") });
  const dir = mkdtempSync(join(tmpdir(), "agentdeck-bench-batch-"));
  const results: BatchSize[] = [];
  try {
    const client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.agentsUrl });
    const agent = (await client.agents.list({ pageSize: 1 })).items[0];
    const pool = (await client.pools.list({ pageSize: 100 })).items.find((item) => item.allowConcurrentUse);
    if (agent === undefined || pool === undefined)
      throw new Error("the sandbox's demo data has no agent or no shared pool");
    const env = { ASTEROID_API_KEY: sandbox.apiKey, ASTEROID_BASE_URL: sandbox.agentsUrl };
    let journals = 0;
    for (const rows of sizes) {
      const file = join(dir, `rows-${rows}.csv`);
      writeFileSync(file, `n,steps\n${Array.from({ length: rows }, (_, i) => `${i + 1},1`).join("\n")}\n`);
      const batch = {
        rate: [] as number[],
        cpu: [] as number[],
        rss: [] as number[],
        journal: [] as number[],
      };
      for (let run = 0; run < runsAt(rows); run++) {
        const journal = join(dir, `journal-${++journals}.sqlite`);
        const usage = await measured(
          BATCH_CLI,
          [
            "run",
            agent.id,
            "--pool",
            pool.id,
            "--rows",
            file,
            "--input",
            "n:integer",
            "--input",
            "steps:integer",
            "--concurrency",
            String(CONCURRENCY),
            "--poll-ms",
            String(POLL_MS),
            "--journal",
            journal,
          ],
          env,
          profileFlags(context.profile(`batch-${rows}`)),
        );
        batch.rate.push(rows / (usage.wallMs / 1000));
        batch.cpu.push(usage.cpuUs / rows);
        batch.rss.push(usage.maxRssKb / 1024);
        batch.journal.push(statSync(journal).size / rows);
        context.log(
          `${rows} rows: ${format(rows / (usage.wallMs / 1000))} rows/s, ${format(usage.cpuUs / rows)} µs CPU a row, peak RSS ${format(usage.maxRssKb / 1024)} MiB`,
        );
      }
      const size: BatchSize = {
        rows,
        rowsPerSecond: summarize(batch.rate, "rows/s", { digits: 1 }),
        cpuUsPerRow: summarize(batch.cpu, "µs", { digits: 0 }),
        peakRssMiB: summarize(batch.rss, "MiB", { digits: 1 }),
        journalBytesPerRow: summarize(batch.journal, "bytes", { digits: 0 }),
      };
      if (rows === sizes[0]) {
        const usage = await measured(
          ANCHOR,
          [
            sandbox.agentsUrl,
            sandbox.apiKey,
            agent.id,
            pool.id,
            String(rows),
            String(CONCURRENCY),
            String(POLL_MS),
          ],
          {},
          [],
        );
        if (!usage.stdout.includes(`completed: ${rows}`))
          throw new Error(`the anchor did not complete every row: ${usage.stdout}`);
        size.anchor = {
          rowsPerSecond: summarize([rows / (usage.wallMs / 1000)], "rows/s", { digits: 1 }),
          cpuUsPerRow: summarize([usage.cpuUs / rows], "µs", { digits: 0 }),
          peakRssMiB: summarize([usage.maxRssKb / 1024], "MiB", { digits: 1 }),
        };
      }
      results.push(size);
    }
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const small = results[0] as BatchSize;
  const large = results.at(-1) as BatchSize;
  const costRatio = ratio(large.cpuUsPerRow.median, small.cpuUsPerRow.median);
  const wallRatio = ratio(small.rowsPerSecond.median, large.rowsPerSecond.median);
  const anchorRatio = ratio(small.rowsPerSecond.median, small.anchor?.rowsPerSecond.median);
  const met = costRatio !== null && costRatio <= MAX_COST_RATIO;
  const rows = results.map((size) => ({
    figure: `7 batch run, ${format(size.rows)} rows, ${CONCURRENCY} at a time`,
    value: `${format(size.rowsPerSecond.median, 1)} rows/s, ${format(size.cpuUsPerRow.median)} µs CPU/row, ${format(size.peakRssMiB.median)} MiB, ${format(size.journalBytesPerRow.median)} B/row`,
    anchor:
      size.anchor === undefined
        ? "—"
        : `core loop ${format(size.anchor.rowsPerSecond.median, 1)} rows/s, ${format(size.anchor.cpuUsPerRow.median)} µs/row`,
    ratio: size.anchor === undefined ? "—" : `${format(anchorRatio, 2)}×`,
    target: size === large ? `cost/row ${format(costRatio, 2)}× ≤ ${MAX_COST_RATIO}×` : "—",
    met: size === large ? met : null,
  }));
  return {
    result: {
      concurrency: CONCURRENCY,
      pollMs: POLL_MS,
      stepMs: STEP_MS,
      sizes: results,
      costRatio,
      wallRatio,
      anchorRatio,
      target: { maxCostRatio: MAX_COST_RATIO },
      met,
    },
    rows,
  };
}
