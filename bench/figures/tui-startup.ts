import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { BUNDLE_OPTIONS } from "../../apps/tui/bundle-options.ts";
import { type ProfileTarget, profileClockAt, profileFlags, writePhases } from "../lib/cpu-profile.ts";
import { type FigureContext, type FigureOutcome, format } from "../lib/figure.ts";
import { paths, requireBuilt } from "../lib/paths.ts";
import { fetchPoolPage } from "../lib/pools-api.ts";
import { PtyProgram } from "../lib/pty-program.ts";
import { type SandboxProcess, startSandboxProcess } from "../lib/sandbox-process.ts";
import { ratio, type Stat, summarize } from "../lib/stats.ts";
import { tuiEnv } from "../lib/tui-env.ts";

const COLUMNS = 120;
const ROWS = 40;
const POOLS = 1_000;
/** The target of issue 12: at most this many times the bundled Ink hello (what is agentdeck's own). */
const TARGET_BUNDLED_RATIO = 1.3;
/** How long output must pause, after the first list, before peak memory is read. */
const SETTLE_MS = 150;
const MIB = 2 ** 20;

/** One program's start-ups: time to its first frame of interest, and its peak memory by then. */
export type StartupStats = {
  /** From spawning the process in the pty to the first text of any kind on screen (ms). */
  firstPaint: Stat;
  /** From spawning the process in the pty to the screen showing it (ms). */
  firstFrame: Stat;
  /** VmHWM once the output has settled after that frame (MiB). */
  peakRss: Stat;
};

/** `figures.tuiStartup` of results.json. */
export type TuiStartupResult = {
  columns: number;
  rows: number;
  /** Pools in the sandbox the TUI is pointed at. */
  pools: number;
  /** `agentdeck` with ASTEROID_API_KEY/ASTEROID_BASE_URL set to a sandbox in another process: time to the first pool list. */
  tui: StartupStats;
  /** The anchor: bench/ink-hello.js, time to "hello from ink". */
  inkHello: StartupStats;
  /** The same program shipped as agentdeck is: bundled, production React, compile cache. Not under the target. */
  inkHelloBundled: StartupStats;
  /** median(tui.firstFrame) / median(inkHelloBundled.firstFrame): what is agentdeck's own. */
  bundledRatio: number | null;
  /** `agentdeck` with no API key: it starts its own sandbox in-process first. Not under the target. */
  tuiEmbedded: StartupStats;
  /** median(tui.firstFrame) / median(inkHello.firstFrame). */
  ratio: number | null;
  target: { maxBundledRatio: number };
  met: boolean;
};

type Program = {
  name: "tui" | "inkHello" | "inkHelloBundled" | "tuiEmbedded";
  start: () => PtyProgram;
  shows: (text: string) => boolean;
  /** What a person types to quit it; undefined to stop it with a signal. */
  quit?: string;
};

/** Shows the first pool list: any of the first page's names (cut to what fits a narrow column). */
function showsAnyOf(names: readonly string[]): (text: string) => boolean {
  const prefixes = names.map((name) => name.slice(0, 14));
  return (text) => prefixes.some((prefix) => text.includes(prefix));
}

async function firstPageNames(sandbox: SandboxProcess): Promise<string[]> {
  const page = await fetchPoolPage(sandbox, { page: 1, pageSize: 30 });
  if (page.items.length === 0) throw new Error("the sandbox has no pools to show");
  return page.items.map((pool) => pool.name);
}

/**
 * Bundles ink-hello.js with the options that bundle agentdeck (apps/tui/bundle-options.ts) into a
 * temporary directory, behind an entry that turns the compile cache on first. Returns the entry.
 */
async function bundleInkHello(): Promise<{ entry: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "agentdeck-bench-hello-"));
  await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [paths.inkHello],
    outdir: dir,
    entryNames: "ink-hello.bundle",
  });
  const entry = join(dir, "ink-hello-entry.js");
  await copyFile(paths.inkHelloEntry, entry);
  return { entry, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** Figure 3: time from spawning `agentdeck` in a pty to its first pool list, against a bare Ink program. */
export async function tuiStartup(context: FigureContext): Promise<FigureOutcome<TuiStartupResult>> {
  const tuiCli = requireBuilt(paths.tuiCli);
  // The embedded sandbox holds the default demo data; one like it says which names to look for.
  const demo = await startSandboxProcess({});
  const demoNames = await firstPageNames(demo).finally(() => demo.close());
  const sandbox = await startSandboxProcess({ pools: POOLS, profile: context.profile("sandbox") });
  const bundledHello = await bundleInkHello();
  try {
    const remoteNames = await firstPageNames(sandbox);
    let launch = 0;
    let target: ProfileTarget;
    const flags = (name: string) => {
      target = context.profile(`${name}-${++launch}`);
      return profileFlags(target);
    };
    const programs: Program[] = [
      {
        name: "inkHello",
        start: () =>
          PtyProgram.startNode(paths.inkHello, [], {
            // React in production mode, as agentdeck's bundle runs it.
            env: { NODE_ENV: "production" },
            nodeFlags: flags("ink-hello"),
            columns: COLUMNS,
            rows: ROWS,
          }),
        shows: (text) => text.includes("hello from ink"),
      },
      {
        name: "inkHelloBundled",
        start: () =>
          PtyProgram.startNode(bundledHello.entry, [], {
            nodeFlags: flags("ink-hello-bundled"),
            columns: COLUMNS,
            rows: ROWS,
          }),
        shows: (text) => text.includes("hello from ink"),
      },
      {
        name: "tui",
        start: () =>
          PtyProgram.startNode(tuiCli, [], {
            env: tuiEnv(sandbox),
            nodeFlags: flags("tui"),
            columns: COLUMNS,
            rows: ROWS,
          }),
        shows: showsAnyOf(remoteNames),
        quit: "q",
      },
      {
        name: "tuiEmbedded",
        start: () =>
          PtyProgram.startNode(tuiCli, [], {
            env: tuiEnv(undefined),
            nodeFlags: flags("tui-embedded"),
            columns: COLUMNS,
            rows: ROWS,
          }),
        shows: showsAnyOf(demoNames),
        quit: "q",
      },
    ];

    const runs = context.quick ? 3 : 12;
    const empty = () => ({ paint: [] as number[], ms: [] as number[], rss: [] as number[] });
    const samples: Record<Program["name"], ReturnType<typeof empty>> = {
      tui: empty(),
      inkHello: empty(),
      inkHelloBundled: empty(),
      tuiEmbedded: empty(),
    };
    // One unmeasured start of each fills the page cache, as for anyone who has run it before.
    for (let run = -1; run < runs; run++) {
      const order = run % 2 === 0 ? programs : [...programs].reverse();
      for (const program of order) {
        const started = program.start();
        try {
          const painted = started.until((screen) => screen.text().trim() !== "", 20_000, "any text");
          // Awaited only once the list is there; a program that never paints fails on that wait.
          painted.catch(() => {});
          const at = await started.until(
            (screen) => program.shows(screen.text()),
            20_000,
            `${program.name}'s first frame`,
          );
          await started.settle(SETTLE_MS, 5_000).catch(() => {});
          const rss = started.peakRssBytes();
          const paintedAt = await painted;
          writePhases(target, [
            {
              name: "start to first paint",
              fromUs: profileClockAt(started.spawnedAt),
              toUs: profileClockAt(paintedAt),
            },
            {
              name: "first paint to first frame",
              fromUs: profileClockAt(paintedAt),
              toUs: profileClockAt(at),
            },
          ]);
          if (run >= 0) {
            samples[program.name].paint.push(paintedAt - started.spawnedAt);
            samples[program.name].ms.push(at - started.spawnedAt);
            if (rss !== undefined) samples[program.name].rss.push(rss / MIB);
          }
        } finally {
          await started.stop(program.quit);
        }
      }
    }
    context.log(`${runs} start-ups of each, interleaved, after one unmeasured start`);

    const stats = (name: Program["name"]): StartupStats => ({
      firstPaint: summarize(samples[name].paint, "ms", { digits: 1 }),
      firstFrame: summarize(samples[name].ms, "ms", { digits: 1 }),
      peakRss: summarize(samples[name].rss, "MiB", { digits: 1 }),
    });
    const tui = stats("tui");
    const inkHello = stats("inkHello");
    const inkHelloBundled = stats("inkHelloBundled");
    const startupRatio = ratio(tui.firstFrame.median, inkHello.firstFrame.median);
    const bundledRatio = ratio(tui.firstFrame.median, inkHelloBundled.firstFrame.median);
    const result: TuiStartupResult = {
      columns: COLUMNS,
      rows: ROWS,
      pools: POOLS,
      tui,
      inkHello,
      inkHelloBundled,
      bundledRatio,
      tuiEmbedded: stats("tuiEmbedded"),
      ratio: startupRatio,
      target: { maxBundledRatio: TARGET_BUNDLED_RATIO },
      met: bundledRatio !== null && bundledRatio <= TARGET_BUNDLED_RATIO,
    };
    return {
      result,
      rows: [
        {
          figure: "3 TUI start-up to first pool list",
          value: `${format(tui.firstFrame.median)} ms (paint ${format(tui.firstPaint.median)})`,
          anchor: `ink hello ${format(inkHello.firstFrame.median)} ms`,
          ratio: `${format(startupRatio, 2)}×`,
          target: "—",
          met: null,
        },
        {
          figure: "3 TUI start-up, against ink hello bundled",
          value: `${format(tui.firstFrame.median)} ms`,
          anchor: `bundled hello ${format(inkHelloBundled.firstFrame.median)} ms`,
          ratio: `${format(bundledRatio, 2)}×`,
          target: `≤ ${TARGET_BUNDLED_RATIO}×`,
          met: result.met,
        },
        {
          figure: "3 TUI peak RSS at first list",
          value: `${format(tui.peakRss.median, 1)} MiB`,
          anchor: `ink hello ${format(inkHello.peakRss.median, 1)} MiB`,
          ratio: `${format(ratio(tui.peakRss.median, inkHello.peakRss.median), 2)}×`,
          target: "—",
          met: null,
        },
        {
          figure: "3 TUI start-up, embedded sandbox",
          value: `${format(result.tuiEmbedded.firstFrame.median)} ms`,
          anchor: `ink hello ${format(inkHello.firstFrame.median)} ms`,
          ratio: `${format(ratio(result.tuiEmbedded.firstFrame.median, inkHello.firstFrame.median), 2)}×`,
          target: "—",
          met: null,
        },
      ],
    };
  } finally {
    await sandbox.close();
    await bundledHello.dispose();
  }
}
