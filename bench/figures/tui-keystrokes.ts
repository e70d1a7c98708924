import {
  type Phase,
  type ProfileTarget,
  profileClockUs,
  profileFlags,
  writePhases,
} from "../lib/cpu-profile.ts";
import { type FigureContext, type FigureOutcome, format, type TableRow } from "../lib/figure.ts";
import { paths, requireBuilt } from "../lib/paths.ts";
import { fetchPoolPage, type PoolRow } from "../lib/pools-api.ts";
import { PtyProgram } from "../lib/pty-program.ts";
import { startSandboxProcess } from "../lib/sandbox-process.ts";
import type { Screen } from "../lib/screen.ts";
import { ratio, type Stat, summarize } from "../lib/stats.ts";
import { tuiEnv } from "../lib/tui-env.ts";

const POOLS = 100_000;
/** Rows the TUI asks for per page (apps/tui/src/screens/ResourceScreen.tsx PAGE_SIZE). */
const TUI_PAGE_SIZE = 100;
/** The targets of issue 12, all at p95 from the key to the frame showing its effect. */
const TARGET = { cursorMoveP95Ms: 8, pageChangeP95Ms: 16, filterResultsP95Ms: 150 } as const;
/** Output must pause this long before the next key: longer than one Ink frame at the TUI's 60 fps cap. */
const QUIET_MS = 40;
const KEY_TIMEOUT_MS = 5_000;
const FILTERS = ["jade", "ivory", "cobalt", "dusty", "frosty", "golden", "hidden", "brisk"] as const;

/** Latencies of one kind of key press, from writing the key to the frame that shows its effect. */
export type KeyStats = {
  /** To the first output after which the screen shows the expected change (ms). */
  frame: Stat;
  /** To the last output before the terminal went quiet for 40 ms: the screen is done changing (ms). */
  settled: Stat;
};

/** `figures.tuiKeystrokes` of results.json. */
export type TuiKeystrokesResult = {
  pools: number;
  /** Anchor: bench/echo-keys.js answering each key at once, measured the same way (the harness's floor). */
  echo: KeyStats;
  /** Anchor of cursor moves: bench/ink-list.js, a bare Ink list of the same size, `j`/`k` the same way. */
  inkList: KeyStats;
  /** `j` and `k` within a page, the detail pane following the cursor. */
  cursorMove: KeyStats;
  /** `]`: the next page fetched from the sandbox and drawn. */
  pageChange: KeyStats;
  /** A character typed after `/`: the filter line echoing it. */
  filterEcho: KeyStats;
  /** From the last character of a filter to its first match on screen (includes the TUI's typing pause). */
  filterResults: KeyStats;
  target: { cursorMoveP95Ms: number; pageChangeP95Ms: number; filterResultsP95Ms: number };
  /** Whether each kind is within its target, and all of them. */
  metBy: { cursorMove: boolean; pageChange: boolean; filterResults: boolean };
  met: boolean;
};

type Samples = { frame: number[]; settled: number[] };
const noSamples = (): Samples => ({ frame: [], settled: [] });
const has = (text: string) => (screen: Screen) => screen.text().includes(text);
const hasAll =
  (...texts: string[]) =>
  (screen: Screen) => {
    const shown = screen.text();
    return texts.every((text) => shown.includes(text));
  };

/**
 * Waits for quiet, types `key`, and times the screen showing `shows` and then going quiet again.
 * Adds both times to `into` unless it is undefined (a key that only sets up the next one).
 */
async function press(
  program: PtyProgram,
  key: string,
  shows: (screen: Screen) => boolean,
  into: Samples | undefined,
  what: string,
): Promise<number> {
  // A little jitter, so the keys never fall into step with a timer in the program.
  await program.settle(QUIET_MS + Math.random() * 10);
  if (into !== undefined && shows(program.screen))
    throw new Error(`${what} was on screen before the key was pressed`);
  const sent = program.type(key);
  const shown = await program.until(shows, KEY_TIMEOUT_MS, what);
  const settled = await program.settle(QUIET_MS);
  into?.frame.push(shown - sent);
  into?.settled.push(Math.max(shown, settled) - sent);
  return sent;
}

/** `j` through rows 1…span and `k` back to 0, `cycles` times; `mark(row)` is what only that row's selection shows. */
async function cursorMoves(
  program: PtyProgram,
  cycles: number,
  span: number,
  mark: (row: number) => string,
  into: Samples,
) {
  for (let cycle = 0; cycle < cycles; cycle++) {
    for (let row = 1; row <= span; row++)
      await press(program, "j", has(mark(row)), into, `row ${row} after j`);
    for (let row = span - 1; row >= 0; row--)
      await press(program, "k", has(mark(row)), into, `row ${row} after k`);
  }
}

/** A program that echoes each key: what measuring through a pty costs by itself. */
async function echoFloor(presses: number): Promise<Samples> {
  const echo = PtyProgram.startNode(paths.echoKeys, [], {});
  const samples = noSamples();
  try {
    await echo.until(has("ready"), 10_000, "echo-keys start");
    for (let count = 1; count <= presses; count++)
      await press(echo, "j", has(`keys: ${count}`), samples, "the echo");
  } finally {
    await echo.stop();
  }
  return samples;
}

/** A bare Ink list of the TUI's size: what Ink itself costs to move a cursor on such a screen. */
async function inkListFloor(cycles: number, span: number, profile: ProfileTarget): Promise<Samples> {
  // React in production mode, as agentdeck's bundle runs it.
  const list = PtyProgram.startNode(paths.inkList, [], {
    env: { NODE_ENV: "production" },
    nodeFlags: profileFlags(profile),
  });
  const samples = noSamples();
  const mark = (row: number) => String(row + 1).padStart(8, "0");
  try {
    await list.until(has(mark(0)), 10_000, "the bare Ink list");
    await cursorMoves(list, cycles, span, mark, samples);
  } finally {
    await list.stop();
  }
  return samples;
}

/** The first group of a pool's id: the detail pane shows the id, the list does not. */
const idMark = (pool: PoolRow | undefined) => {
  if (pool === undefined) throw new Error("no pool at the expected row");
  return pool.id.slice(0, 8);
};

/** Figure 4: time from a key press to the frame that answers it, with 100,000 pools behind the list. */
export async function tuiKeystrokes(context: FigureContext): Promise<FigureOutcome<TuiKeystrokesResult>> {
  const tuiCli = requireBuilt(paths.tuiCli);
  const cycles = context.quick ? 1 : 3;
  const span = context.quick ? 20 : 40;
  const echo = await echoFloor(context.quick ? 20 : 60);
  const inkList = await inkListFloor(cycles, span, context.profile("ink-list"));

  const sandbox = await startSandboxProcess({ pools: POOLS, profile: context.profile("sandbox") });
  const profile = context.profile("tui");
  const tui = PtyProgram.startNode(tuiCli, [], { env: tuiEnv(sandbox), nodeFlags: profileFlags(profile) });
  const samples = {
    cursorMove: noSamples(),
    pageChange: noSamples(),
    filterEcho: noSamples(),
    filterResults: noSamples(),
  };
  // Each kind of key gets its own reading of the TUI's profile.
  const phases: Phase[] = [];
  const phase = async (name: string, body: () => Promise<void>) => {
    const fromUs = profileClockUs();
    await body();
    phases.push({ name, fromUs, toUs: profileClockUs() });
  };

  try {
    const first = await fetchPoolPage(sandbox, { page: 1, pageSize: TUI_PAGE_SIZE });
    const pages = Math.ceil(first.total / TUI_PAGE_SIZE);
    await tui.until(
      hasAll(idMark(first.items[0]), `page 1/${pages}`),
      30_000,
      "the first pool list, 100 a page",
    );

    await phase("cursor moves", () =>
      cursorMoves(tui, cycles, span, (row) => idMark(first.items[row]), samples.cursorMove),
    );

    // Page changes: `]` from page 1 onwards, the cursor staying on the first row; `g` goes back.
    const pageRuns = context.quick ? 6 : 30;
    await phase("page changes", async () => {
      for (let page = 2; page <= pageRuns + 1; page++) {
        const expected = await fetchPoolPage(sandbox, { page, pageSize: TUI_PAGE_SIZE });
        const shows = hasAll(`page ${page}/${pages}`, idMark(expected.items[0]));
        await press(tui, "]", shows, samples.pageChange, `page ${page} after ]`);
      }
    });
    await press(tui, "g", hasAll(`page 1/${pages}`, idMark(first.items[0])), undefined, "page 1 after g");

    // Filter: `/`, then a word one key at a time (each echoed), its matches, and Esc to clear it.
    await phase("filters", async () => {
      for (const word of context.quick ? FILTERS.slice(0, 2) : FILTERS) {
        const matches = await fetchPoolPage(sandbox, { page: 1, pageSize: TUI_PAGE_SIZE, searchName: word });
        await press(
          tui,
          "/",
          (screen) => !screen.text().includes("/ filter"),
          undefined,
          "the filter line after /",
        );
        let last = 0;
        for (let typed = 1; typed <= word.length; typed++) {
          const echoed = `/${word.slice(0, typed)}`;
          last = await press(tui, word[typed - 1] as string, has(echoed), samples.filterEcho, `"${echoed}"`);
        }
        const shown = await tui.until(
          has(idMark(matches.items[0])),
          KEY_TIMEOUT_MS,
          `the first match of "${word}"`,
        );
        const settled = await tui.settle(QUIET_MS);
        samples.filterResults.frame.push(shown - last);
        samples.filterResults.settled.push(Math.max(shown, settled) - last);
        await press(
          tui,
          "\x1b",
          hasAll(`page 1/${pages}`, idMark(first.items[0])),
          undefined,
          "the list after Esc",
        );
      }
    });
    context.log(
      `${samples.cursorMove.frame.length} cursor moves, ${samples.pageChange.frame.length} page changes, ` +
        `${samples.filterEcho.frame.length} filter keys, ${samples.filterResults.frame.length} filters`,
    );
  } finally {
    await tui.stop("q");
    await sandbox.close();
    writePhases(profile, phases);
  }

  const stats = (measured: Samples): KeyStats => ({
    frame: summarize(measured.frame, "ms", { p95: true, digits: 2 }),
    settled: summarize(measured.settled, "ms", { p95: true, digits: 2 }),
  });
  const cursorMove = stats(samples.cursorMove);
  const pageChange = stats(samples.pageChange);
  const filterResults = stats(samples.filterResults);
  const within = (key: KeyStats, target: number) => (key.frame.p95 ?? Number.POSITIVE_INFINITY) <= target;
  const metBy = {
    cursorMove: within(cursorMove, TARGET.cursorMoveP95Ms),
    pageChange: within(pageChange, TARGET.pageChangeP95Ms),
    filterResults: within(filterResults, TARGET.filterResultsP95Ms),
  };
  const result: TuiKeystrokesResult = {
    pools: POOLS,
    echo: stats(echo),
    inkList: stats(inkList),
    cursorMove,
    pageChange,
    filterEcho: stats(samples.filterEcho),
    filterResults,
    target: { ...TARGET },
    metBy,
    met: metBy.cursorMove && metBy.pageChange && metBy.filterResults,
  };
  const p50p95 = (key: KeyStats) => `p50 ${format(key.frame.median, 1)} / p95 ${format(key.frame.p95, 1)} ms`;
  const row = (name: string, key: KeyStats, anchorName: string, anchor: KeyStats): TableRow => ({
    figure: `4 key: ${name}`,
    value: p50p95(key),
    anchor: `${anchorName} p95 ${format(anchor.frame.p95, 1)} ms`,
    ratio: `${format(ratio(key.frame.p95, anchor.frame.p95), 1)}×`,
    target: "—",
    met: null,
  });
  return {
    result,
    rows: [
      {
        ...row("cursor move j/k", cursorMove, "bare Ink list", result.inkList),
        target: `p95 ≤ ${TARGET.cursorMoveP95Ms} ms`,
        met: metBy.cursorMove,
      },
      {
        ...row("page change ]", pageChange, "echo", result.echo),
        target: `p95 ≤ ${TARGET.pageChangeP95Ms} ms`,
        met: metBy.pageChange,
      },
      row("filter keystroke echo", result.filterEcho, "echo", result.echo),
      {
        ...row("filter to first match", filterResults, "echo", result.echo),
        target: `p95 ≤ ${TARGET.filterResultsP95Ms} ms`,
        met: metBy.filterResults,
      },
      row("(anchor) bare Ink list j/k", result.inkList, "echo", result.echo),
    ],
  };
}
