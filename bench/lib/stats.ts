/** A measured quantity: the median of its runs, their spread, and how many there were. */
export type Stat = {
  unit: string;
  runs: number;
  median: number;
  min: number;
  max: number;
  /** The 95th percentile; given for latencies, where the tail is the point. */
  p95?: number;
};

/** The value at quantile `q` (0 to 1) of sorted samples, interpolating between neighbours. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (position - below);
}

/** Median, min, max (and p95 when asked) of `samples`, rounded to `digits` decimals. */
export function summarize(
  samples: readonly number[],
  unit: string,
  options: { p95?: boolean; digits?: number } = {},
): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value: number) => Number(value.toFixed(options.digits ?? 3));
  const stat: Stat = {
    unit,
    runs: sorted.length,
    median: round(quantile(sorted, 0.5)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
  if (options.p95) stat.p95 = round(quantile(sorted, 0.95));
  return stat;
}

/** `a / b` to three decimals, or null when either side is missing. */
export function ratio(a: number | undefined, b: number | undefined): number | null {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0)
    return null;
  return Number((a / b).toFixed(3));
}
