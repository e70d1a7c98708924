import { join } from "node:path";
import type { ProfileTarget } from "./cpu-profile.ts";
import { paths } from "./paths.ts";

/** What every figure gets from the runner. */
export type FigureContext = {
  /** Fewer runs, for development: the numbers are not worth keeping. */
  quick: boolean;
  /** Where a process of this figure writes its CPU profile; undefined unless the run profiles. */
  profile(process: string): ProfileTarget;
  log(line: string): void;
};

/** One line of the table printed at the end. */
export type TableRow = {
  figure: string;
  value: string;
  anchor: string;
  ratio: string;
  target: string;
  /** Null where the figure has no target. */
  met: boolean | null;
};

/** A figure's entry in results.json and its lines of the table. */
export type FigureOutcome<R> = { result: R; rows: TableRow[] };

/** A context whose processes write their profiles under bench/profiles/<figure>/ when `profiling`. */
export function figureContext(
  figure: string,
  options: { quick: boolean; profiling: boolean },
): FigureContext {
  return {
    quick: options.quick,
    profile: (process) =>
      options.profiling ? { dir: join(paths.profiles, figure), name: process } : undefined,
    log: (line) => process.stderr.write(`  [${figure}] ${line}\n`),
  };
}

/** A number for the table: `digits` decimals, thousands separated. */
export function format(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
