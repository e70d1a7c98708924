// `pnpm bench`: every figure against its anchor, written to bench/results.json, then a table.
// Options: --quick (few runs, for development), --only a,b (figure keys), --profile (CPU profiles
// of every process the figures start, under bench/profiles/, summarised at the end).
// A run with --quick or --only writes bench/results.dev.json instead, so results.json only ever
// holds a full run.
import { rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { batchScale } from "./figures/batch-scale.ts";
import { bundleSize } from "./figures/bundle.ts";
import { pagination } from "./figures/pagination.ts";
import { redTeam } from "./figures/red-team.ts";
import { requestOverhead } from "./figures/request-overhead.ts";
import { sandboxThroughput } from "./figures/sandbox-throughput.ts";
import { tuiKeystrokes } from "./figures/tui-keystrokes.ts";
import { tuiStartup } from "./figures/tui-startup.ts";
import { profileThisProcess, summarizeProfiles } from "./lib/cpu-profile.ts";
import { type FigureContext, type FigureOutcome, figureContext, type TableRow } from "./lib/figure.ts";
import { describeMachine } from "./lib/machine.ts";
import { paths } from "./lib/paths.ts";
import { renderTable } from "./lib/table.ts";

/** The figures, in the order they run; the keys are those of `figures` in results.json. */
const FIGURES = {
  requestOverhead,
  pagination,
  tuiStartup,
  tuiKeystrokes,
  bundle: bundleSize,
  sandboxThroughput,
  batchScale,
  redTeam,
} satisfies Record<string, (context: FigureContext) => Promise<FigureOutcome<unknown>>>;

type FigureKey = keyof typeof FIGURES;

const argv = process.argv.slice(2);
const { values } = parseArgs({
  // `pnpm bench -- --quick` passes the `--` through.
  args: argv[0] === "--" ? argv.slice(1) : argv,
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    profile: { type: "boolean", default: false },
  },
});
const only = values.only?.split(",").map((key) => key.trim());
for (const key of only ?? []) {
  if (!(key in FIGURES))
    throw new Error(`unknown figure "${key}"; the figures are ${Object.keys(FIGURES).join(", ")}`);
}
const chosen = (Object.keys(FIGURES) as FigureKey[]).filter(
  (key) => only === undefined || only.includes(key),
);
const partial = values.quick || values.only !== undefined;
if (values.profile) rmSync(paths.profiles, { recursive: true, force: true });

const startedAt = new Date();
const machine = describeMachine();
process.stderr.write(
  `bench: ${machine.node} on ${machine.cpu} (${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB), ` +
    `load ${machine.loadAverage.join(" ")}${values.quick ? ", quick" : ""}\n`,
);

const figures: Record<string, unknown> = {};
const rows: TableRow[] = [];
for (const key of chosen) {
  process.stderr.write(`bench: ${key}\n`);
  const started = performance.now();
  try {
    const context = figureContext(key, { quick: values.quick, profiling: values.profile });
    // This process runs the client under test (figures 1 and 2): it is profiled as "bench".
    const run: (context: FigureContext) => Promise<FigureOutcome<unknown>> = FIGURES[key];
    const outcome = await profileThisProcess(context.profile("bench"), () => run(context));
    figures[key] = {
      ...(outcome.result as object),
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    };
    rows.push(...outcome.rows);
  } catch (error) {
    // One broken figure must not cost the others: it is recorded as an error and the run goes on.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`bench: ${key} failed: ${message}\n`);
    figures[key] = { error: message };
    rows.push({ figure: key, value: "error", anchor: "—", ratio: "—", target: "—", met: false });
  }
}

const results = {
  schema: 1,
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  quick: values.quick,
  machine,
  figures,
};
const file = partial ? paths.results.replace(/results\.json$/, "results.dev.json") : paths.results;
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);

if (values.profile) process.stdout.write(`\n${summarizeProfiles(paths.profiles)}\n`);
process.stdout.write(`\n${renderTable(rows)}\n\nwrote ${file}\n`);
process.exitCode = Object.values(figures).some((figure) => (figure as { error?: string }).error) ? 1 : 0;
