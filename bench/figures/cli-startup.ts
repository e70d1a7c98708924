import { spawn } from "node:child_process";
import { profileFlags } from "../lib/cpu-profile.ts";
import { type FigureContext, type FigureOutcome, format } from "../lib/figure.ts";
import { paths, requireBuilt } from "../lib/paths.ts";
import { startSandboxProcess } from "../lib/sandbox-process.ts";
import { ratio, type Stat, summarize } from "../lib/stats.ts";
import { tuiEnv } from "../lib/tui-env.ts";

const POOLS = 1_000;
const TARGET_OVER_MS = 150;

/** `figures.cliStartup` of results.json. */
export type CliStartupResult = {
  /** Pools in the sandbox; the command prints its first page (50). */
  pools: number;
  /** `agentdeck pools list --json` against the sandbox, from spawn to exit (ms). */
  cli: Stat;
  /** `agentdeck --version`: the command's start without a request (ms). Not under the target. */
  version: Stat;
  /** The anchor: `node -e 0`, from spawn to exit (ms). */
  node: Stat;
  /** median(cli) − median(node): what agentdeck adds to Node's own start. */
  overMs: number;
  /** median(cli) / median(node). */
  ratio: number | null;
  target: { maxOverMs: number };
  met: boolean;
};

/** Runs `node [flags] args` with stdout read to the end; resolves with the time from spawn to exit and the output. */
function timeRun(
  args: readonly string[],
  env: Record<string, string | undefined>,
): Promise<{ ms: number; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_OPTIONS: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`node ${args.join(" ")} exited ${code}: ${stderr}`));
      else resolve({ ms, stdout, code });
    });
  });
}

/**
 * Figure 7: how long `agentdeck pools list --json` takes from start to exit against a sandbox in
 * its own process, against `node -e 0` started the same way. Interleaved runs after one unmeasured
 * start of each (the page cache and Node's compile cache warm, as for anyone who ran it before).
 */
export async function cliStartup(context: FigureContext): Promise<FigureOutcome<CliStartupResult>> {
  const bin = requireBuilt(paths.cliBin);
  const sandbox = await startSandboxProcess({ pools: POOLS, profile: context.profile("sandbox") });
  try {
    const env = tuiEnv(sandbox);
    let launch = 0;
    const flags = (name: string) => profileFlags(context.profile(`${name}-${++launch}`));
    const programs = {
      cli: () => timeRun([...flags("cli"), bin, "pools", "list", "--json"], env),
      version: () => timeRun([...flags("version"), bin, "--version"], env),
      node: () => timeRun([...flags("node"), "-e", "0"], {}),
    };
    const checked = JSON.parse((await programs.cli()).stdout) as { items: unknown[] };
    if (checked.items.length !== 50)
      throw new Error(`pools list printed ${checked.items.length} pools, not 50`);
    const runs = context.quick ? 5 : 30;
    const samples: Record<keyof typeof programs, number[]> = { cli: [], version: [], node: [] };
    const names = Object.keys(programs) as (keyof typeof programs)[];
    for (let run = -1; run < runs; run++) {
      for (const name of run % 2 === 0 ? names : [...names].reverse()) {
        const { ms } = await programs[name]();
        if (run >= 0) samples[name].push(ms);
      }
    }
    context.log(`${runs} runs of each, interleaved, after one unmeasured run`);
    const cli = summarize(samples.cli, "ms", { digits: 1 });
    const version = summarize(samples.version, "ms", { digits: 1 });
    const node = summarize(samples.node, "ms", { digits: 1 });
    const overMs = Number((cli.median - node.median).toFixed(1));
    const result: CliStartupResult = {
      pools: POOLS,
      cli,
      version,
      node,
      overMs,
      ratio: ratio(cli.median, node.median),
      target: { maxOverMs: TARGET_OVER_MS },
      met: overMs <= TARGET_OVER_MS,
    };
    return {
      result,
      rows: [
        {
          figure: "9 agentdeck pools list --json, start to exit",
          value: `${format(cli.median)} ms (+${format(overMs)})`,
          anchor: `node -e 0 ${format(node.median)} ms`,
          ratio: `${format(result.ratio, 2)}×`,
          target: `≤ +${TARGET_OVER_MS} ms`,
          met: result.met,
        },
        {
          figure: "9 agentdeck --version, start to exit",
          value: `${format(version.median)} ms (+${format(version.median - node.median)})`,
          anchor: `node -e 0 ${format(node.median)} ms`,
          ratio: `${format(ratio(version.median, node.median), 2)}×`,
          target: "—",
          met: null,
        },
      ],
    };
  } finally {
    await sandbox.close();
  }
}
