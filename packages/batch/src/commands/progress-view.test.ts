import { describe, expect, it } from "vitest";
import { emptyCounts } from "../journal/row-state.ts";
import type { BatchProgress } from "../run/progress.ts";
import { formatDuration, progressLine, progressView } from "./progress-view.ts";

const progress = (extra: Partial<BatchProgress> = {}): BatchProgress => ({
  batchId: "b",
  total: 1000,
  counts: { ...emptyCounts(), finished: 118, failed: 2, submitted: 8, pending: 872 },
  statuses: { completed: 115, failed: 3 },
  running: 8,
  done: 120,
  ratePerSecond: 14.24,
  etaSeconds: 61.8,
  waiting: undefined,
  openStatuses: {},
  notice: undefined,
  ...extra,
});

function io(isTTY: boolean) {
  const stderr = { text: "", write: (chunk: string) => (stderr.text += chunk) };
  return { stdout: { write: () => true }, stderr, isTTY, env: {} };
}

describe("progress", () => {
  it("says done, running and failed counts, the rate and the ETA on one line", () => {
    expect(progressLine(progress())).toBe("120/1000 done · 8 running · 5 failed · 14.2 rows/s · ETA 1m02s");
    expect(
      progressLine(
        progress({
          waiting: { reason: "rate-limited", ms: 1000 },
          openStatuses: { awaiting_confirmation: 2 },
          etaSeconds: undefined,
        }),
      ),
    ).toBe(
      "120/1000 done · 8 running · 5 failed · 14.2 rows/s · ETA — · 2 waiting for someone · rate limited, waiting",
    );
    expect([formatDuration(42), formatDuration(185), formatDuration(3725)]).toEqual([
      "42s",
      "3m05s",
      "1h02m",
    ]);
  });

  it("redraws one line in place on a terminal, and writes plain lines when piped", () => {
    const terminal = io(true);
    const view = progressView(terminal);
    view.update(progress());
    view.update(progress({ notice: "rate limited; every row waits 1.0 s \u001b[31mred\u001b[0m" }));
    view.finish();
    expect(terminal.stderr.text).toBe(
      "\r\u001b[2K120/1000 done · 8 running · 5 failed · 14.2 rows/s · ETA 1m02s" +
        "\r\u001b[2Kbatch: rate limited; every row waits 1.0 s red\n" +
        "\r\u001b[2K120/1000 done · 8 running · 5 failed · 14.2 rows/s · ETA 1m02s\n",
    );
    const piped = io(false);
    const plain = progressView(piped);
    plain.update(progress());
    plain.update(progress({ done: 121 }));
    plain.finish();
    expect(piped.stderr.text.split("\n")).toEqual([
      "batch: 120/1000 done · 8 running · 5 failed · 14.2 rows/s · ETA 1m02s",
      "batch: 121/1000 done · 8 running · 5 failed · 14.2 rows/s · ETA 1m02s",
      "",
    ]);
    expect(piped.stderr.text).not.toContain("\r");
  });
});
