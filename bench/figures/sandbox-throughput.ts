import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startNodeChild } from "../lib/child.ts";
import { profileFlags } from "../lib/cpu-profile.ts";
import { type FigureContext, type FigureOutcome, format } from "../lib/figure.ts";
import { paths } from "../lib/paths.ts";
import { startSandboxProcess } from "../lib/sandbox-process.ts";
import { ratio, type Stat, summarize } from "../lib/stats.ts";

const POOLS = 10_000;
const PAGE_SIZE = 50;
const CONNECTIONS = 16;
/** Issue 9: the sandbox keeps at least this share of bare node:http's rate. */
const TARGET_RATIO = 0.6;

/** `figures.sandboxThroughput` of results.json. */
export type ThroughputResult = {
  pools: number;
  pageSize: number;
  connections: number;
  durationSeconds: number;
  /** GET /agent-profile-pools?pageSize=50 on the sandbox: requests per second over each run. */
  sandbox: Stat;
  /** The anchor: node:http sending the same response bytes, no routing or work. */
  staticServer: Stat;
  /** median(sandbox) / median(staticServer): the share of plain node:http's rate the sandbox keeps. */
  ratio: number | null;
  /** Sandbox latency under that load: the median of each run's p50 and p99 (ms). */
  latencyP50Ms: Stat;
  latencyP99Ms: Stat;
  /** Non-2xx responses and errors over all sandbox runs: must be 0 for the rate to mean anything. */
  failures: number;
};

type AutocannonJson = {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  "2xx": number;
};

/** One autocannon run (in its own process, so it never competes with this one's event loop). */
async function autocannon(
  url: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<AutocannonJson> {
  const args = [paths.autocannon, "--json", "-c", String(CONNECTIONS), "-d", String(seconds)];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}=${value}`);
  args.push(url);
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 2 ** 20 });
  return JSON.parse(stdout) as AutocannonJson;
}

/** Figure 6: list-pools requests per second at concurrency 16, against node:http serving the same bytes. */
export async function sandboxThroughput(context: FigureContext): Promise<FigureOutcome<ThroughputResult>> {
  const seconds = context.quick ? 2 : 5;
  const runs = context.quick ? 1 : 3;
  const sandbox = await startSandboxProcess({ pools: POOLS, profile: context.profile("sandbox") });
  const url = `${sandbox.agentsUrl}/agent-profile-pools?pageSize=${PAGE_SIZE}`;
  const headers = { "x-asteroid-agents-api-key": sandbox.apiKey };
  const page = await fetch(url, { headers });
  const bodyDirectory = mkdtempSync(join(tmpdir(), "agentdeck-bench-"));
  const bodyFile = join(bodyDirectory, "page.json");
  writeFileSync(bodyFile, Buffer.from(await page.arrayBuffer()));
  const anchor = await startNodeChild(paths.staticPageServer, [bodyFile], {
    flags: profileFlags(context.profile("static-server")),
    ready: ["url"],
  });
  const anchorUrl = anchor.field("url") as string;
  const rates = { sandbox: [] as number[], staticServer: [] as number[] };
  const p50: number[] = [];
  const p99: number[] = [];
  let failures = 0;
  try {
    // A short unmeasured run warms both servers' JIT.
    await autocannon(url, headers, 1);
    await autocannon(anchorUrl, {}, 1);
    for (let run = 0; run < runs; run++) {
      const measured = await autocannon(url, headers, seconds);
      rates.sandbox.push(measured.requests.average);
      p50.push(measured.latency.p50);
      p99.push(measured.latency.p99);
      failures += measured.non2xx + measured.errors + measured.timeouts;
      rates.staticServer.push((await autocannon(anchorUrl, {}, seconds)).requests.average);
    }
    context.log(`${runs} runs of ${seconds} s each, sandbox and anchor alternating`);
  } finally {
    await anchor.stop();
    await sandbox.close();
    rmSync(bodyDirectory, { recursive: true, force: true });
  }
  const sandboxRate = summarize(rates.sandbox, "requests/s", { digits: 0 });
  const staticRate = summarize(rates.staticServer, "requests/s", { digits: 0 });
  const result: ThroughputResult = {
    pools: POOLS,
    pageSize: PAGE_SIZE,
    connections: CONNECTIONS,
    durationSeconds: seconds,
    sandbox: sandboxRate,
    staticServer: staticRate,
    ratio: ratio(sandboxRate.median, staticRate.median),
    latencyP50Ms: summarize(p50, "ms", { digits: 1 }),
    latencyP99Ms: summarize(p99, "ms", { digits: 1 }),
    failures,
  };
  return {
    result,
    rows: [
      {
        figure: `6 sandbox list pools, ${CONNECTIONS} connections`,
        value: `${format(sandboxRate.median)} req/s`,
        anchor: `node:http ${format(staticRate.median)} req/s`,
        ratio: `${format(result.ratio, 2)}×`,
        target: failures === 0 ? `≥ ${TARGET_RATIO}×` : `${failures} failed`,
        met: failures === 0 && result.ratio !== null ? result.ratio >= TARGET_RATIO : false,
      },
    ],
  };
}
