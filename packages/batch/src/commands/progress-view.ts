import type { BatchProgress } from "../run/progress.ts";
import type { CommandIo } from "./command-io.ts";
import { terminalSafe } from "./terminal-text.ts";

/** How often the terminal line is redrawn, and how often a plain line is written when piped. */
const REDRAW_MS = 100;
const PLAIN_EVERY_MS = 5_000;

/** `1h02m`, `3m05s`, `42s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${s}s`;
}

/** Rows that did not complete: refused by the API, or whose execution failed or was cancelled. */
export function failedCount(progress: Pick<BatchProgress, "counts" | "statuses">): number {
  return progress.counts.failed + (progress.statuses.failed ?? 0) + (progress.statuses.cancelled ?? 0);
}

/** One line: done, running and failed counts, the rate, the ETA, and why it waits when it does. */
export function progressLine(progress: BatchProgress): string {
  const parts = [
    `${progress.done}/${progress.total} done`,
    `${progress.running} running`,
    `${failedCount(progress)} failed`,
    `${progress.ratePerSecond.toFixed(1)} rows/s`,
    `ETA ${progress.etaSeconds === undefined ? "—" : formatDuration(progress.etaSeconds)}`,
  ];
  const attention =
    (progress.openStatuses.awaiting_confirmation ?? 0) + (progress.openStatuses.paused_by_agent ?? 0);
  if (attention > 0) parts.push(`${attention} waiting for someone`);
  if (progress.waiting !== undefined) {
    const why = {
      "rate-limited": "rate limited",
      "no-free-profile": "no free profile",
      unreachable: "API unreachable",
    };
    parts.push(`${why[progress.waiting.reason]}, waiting`);
  }
  return parts.join(" · ");
}

/**
 * Shows a batch's progress on stderr: on a terminal one line redrawn in place (at most every 100 ms),
 * piped a plain line every 5 s; notices on lines of their own; the last state when `finish` is called.
 */
export function progressView(io: CommandIo): { update(progress: BatchProgress): void; finish(): void } {
  let drawnAt = 0;
  let last: BatchProgress | undefined;
  let lineShown = false;
  const draw = (progress: BatchProgress) => {
    if (io.isTTY) {
      io.stderr.write(`\r\u001b[2K${progressLine(progress)}`);
      lineShown = true;
    } else {
      io.stderr.write(`batch: ${progressLine(progress)}\n`);
    }
  };
  return {
    update(progress) {
      last = progress;
      if (progress.notice !== undefined) {
        io.stderr.write(
          `${io.isTTY && lineShown ? "\r\u001b[2K" : ""}batch: ${terminalSafe(progress.notice)}\n`,
        );
        lineShown = false;
      }
      const now = Date.now();
      if (now - drawnAt < (io.isTTY ? REDRAW_MS : PLAIN_EVERY_MS)) return;
      drawnAt = now;
      draw(progress);
    },
    finish() {
      if (last !== undefined) draw(last);
      if (io.isTTY && lineShown) io.stderr.write("\n");
    },
  };
}
