import { profileFlags } from "../lib/cpu-profile.ts";
import type { FigureContext, FigureOutcome } from "../lib/figure.ts";
import { format } from "../lib/figure.ts";
import { paths, requireBuilt } from "../lib/paths.ts";
import { fetchPoolPage, type PoolRow } from "../lib/pools-api.ts";
import { PtyProgram } from "../lib/pty-program.ts";
import { startSandboxProcess } from "../lib/sandbox-process.ts";
import type { Screen } from "../lib/screen.ts";
import { type Stat, summarize } from "../lib/stats.ts";
import { tuiEnv } from "../lib/tui-env.ts";

const POOLS = 100_000;
/** Rows the TUI asks for per page (apps/tui/src/screen.ts PAGE_SIZE); checked against its header. */
const TUI_PAGE_SIZE = 100;
const TARGET_P95_MS = 16;
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

export type TuiKeystrokesResult = {
  pools: number;
  /** `j` and `k` within a page, the detail pane following the cursor. */
  cursorMove: KeyStats;
  /** `]`: the next page fetched from the sandbox and drawn. */
  pageChange: KeyStats;
  /** A character typed after `/`: the filter line echoing it. */
  filterEcho: KeyStats;
  /** From the last character of a filter to its first match on screen (includes the TUI's 150 ms typing pause). */
  filterResults: KeyStats;
  target: { cursorMoveP95Ms: number };
  met: boolean;
};

/** The first group of a pool's id: the detail pane shows the id, the list does not. */
const idMark = (pool: PoolRow | undefined) => {
  if (pool === undefined) throw new Error("no pool at the expected row");
  return pool.id.slice(0, 8);
};

/** Figure 4: time from a key press to the frame that answers it, with 100,000 pools behind the list. */
export async function tuiKeystrokes(context: FigureContext): Promise<FigureOutcome<TuiKeystrokesResult>> {
  const tuiCli = requireBuilt(paths.tuiCli);
  const sandbox = await startSandboxProcess({ pools: POOLS, profile: context.profile("sandbox") });
  const tui = PtyProgram.startNode(tuiCli, [], {
    env: tuiEnv(sandbox),
    nodeFlags: profileFlags(context.profile("tui")),
    columns: 120,
    rows: 40,
  });
  const samples = {
    cursorMove: { frame: [] as number[], settled: [] as number[] },
    pageChange: { frame: [] as number[], settled: [] as number[] },
    filterEcho: { frame: [] as number[], settled: [] as number[] },
    filterResults: { frame: [] as number[], settled: [] as number[] },
  };

  /** Types `key`, waits for `shows`, then for quiet; records both latencies under `kind` unless it is undefined. */
  const press = async (key: string, shows: (screen: Screen) => boolean, kind: keyof typeof samples | undefined, what: string) => {
    await tui.settle(QUIET_MS + Math.random() * 10);
    if (kind !== undefined && shows(tui.screen)) throw new Error(`${what} was on screen before the key was pressed`);
    const sent = tui.type(key);
    const shown = await tui.until(shows, KEY_TIMEOUT_MS, what);
    const settled = await tui.settle(QUIET_MS);
    if (kind !== undefined) {
      samples[kind].frame.push(shown - sent);
      samples[kind].settled.push(Math.max(shown, settled) - sent);
    }
    return sent;
  };
  const has = (text: string) => (screen: Screen) => screen.text().includes(text);
  const hasAll =
    (...texts: string[]) =>
    (screen: Screen) => {
      const shown = screen.text();
      return texts.every((text) => shown.includes(text));
    };

  try {
    const first = await fetchPoolPage(sandbox, { page: 1, pageSize: TUI_PAGE_SIZE });
    const pages = Math.ceil(first.total / TUI_PAGE_SIZE);
    await tui.until(hasAll(idMark(first.items[0]), `page 1/${pages}`), 30_000, "the first pool list with its detail pane");

    const cycles = context.quick ? 1 : 3;
    const span = context.quick ? 20 : 40;
    // Cursor moves: down `span` rows (scrolling past the window), then back up.
    for (let cycle = 0; cycle < cycles; cycle++) {
      for (let row = 1; row <= span; row++) {
        await press("j", has(idMark(first.items[row])), "cursorMove", `row ${row} after j`);
      }
      for (let row = span - 1; row >= 0; row--) {
        await press("k", has(idMark(first.items[row])), "cursorMove", `row ${row} after k`);
      }
    }

    // Page changes: `]` from page 1 onwards, the cursor staying on the first row; `g` goes back.
    const pageRuns = context.quick ? 6 : 30;
    for (let page = 2; page <= pageRuns + 1; page++) {
      const expected = await fetchPoolPage(sandbox, { page, pageSize: TUI_PAGE_SIZE });
      await press("]", hasAll(`page ${page}/${pages}`, idMark(expected.items[0])), "pageChange", `page ${page} after ]`);
    }
    await press("g", hasAll(`page 1/${pages}`, idMark(first.items[0])), undefined, "page 1 after g");

    // Filter: `/`, then a word one key at a time (each echoed), its matches, and Esc to clear it.
    const words = context.quick ? FILTERS.slice(0, 2) : FILTERS;
    for (const word of words) {
      const matches = await fetchPoolPage(sandbox, { page: 1, pageSize: TUI_PAGE_SIZE, searchName: word });
      await press("/", (screen) => !screen.text().includes("/ filter"), undefined, "the filter line after /");
      let last = 0;
      for (let typed = 1; typed <= word.length; typed++) {
        last = await press(word[typed - 1] as string, has(`/${word.slice(0, typed)}`), "filterEcho", `"/${word.slice(0, typed)}"`);
      }
      const shown = await tui.until(has(idMark(matches.items[0])), KEY_TIMEOUT_MS, `the first match of "${word}"`);
      const settled = await tui.settle(QUIET_MS);
      samples.filterResults.frame.push(shown - last);
      samples.filterResults.settled.push(Math.max(shown, settled) - last);
      await press("\x1b", hasAll(`page 1/${pages}`, idMark(first.items[0])), undefined, "the whole list after Esc");
    }
    context.log(
      `${samples.cursorMove.frame.length} cursor moves, ${samples.pageChange.frame.length} page changes, ` +
        `${samples.filterEcho.frame.length} filter keys, ${samples.filterResults.frame.length} filters`,
    );
  } finally {
    await tui.stop();
    await sandbox.close();
  }

  const keyStats = (kind: keyof typeof samples): KeyStats => ({
    frame: summarize(samples[kind].frame, "ms", { p95: true, digits: 2 }),
    settled: summarize(samples[kind].settled, "ms", { p95: true, digits: 2 }),
  });
  const result: TuiKeystrokesResult = {
    pools: POOLS,
    cursorMove: keyStats("cursorMove"),
    pageChange: keyStats("pageChange"),
    filterEcho: keyStats("filterEcho"),
    filterResults: keyStats("filterResults"),
    target: { cursorMoveP95Ms: TARGET_P95_MS },
    met: false,
  };
  const p95 = result.cursorMove.frame.p95 ?? Number.POSITIVE_INFINITY;
  result.met = p95 < TARGET_P95_MS;
  const row = (name: string, stats: KeyStats, target: string, met: boolean | null) => ({
    figure: `4 key: ${name}`,
    value: `p95 ${format(stats.frame.p95, 1)} ms`,
    anchor: `p50 ${format(stats.frame.median, 1)} ms`,
    ratio: "—",
    target,
    met,
  });
  return {
    result,
    rows: [
      row("cursor move j/k", result.cursorMove, `p95 < ${TARGET_P95_MS} ms`, result.met),
      row("page change ]", result.pageChange, "—", null),
      row("filter keystroke echo", result.filterEcho, "—", null),
      row("filter to first match", result.filterResults, "—", null),
    ],
  };
}
