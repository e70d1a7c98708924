import stringWidth from "string-width";
import { describe, expect, test } from "vitest";
import { formatDuration, formatMoment } from "./format.ts";

describe("format", () => {
  test("durations read as people say them", () => {
    expect(formatDuration(850)).toBe("850ms");
    expect(formatDuration(65_000)).toBe("1m 05s");
    expect(formatDuration(3 * 3_600_000 + 60_000)).toBe("3h 01m");
  });

  test("a long duration fits the eight cells of its column whole", () => {
    expect(formatDuration(13_140 * 3_600_000)).toBe("547d 12h");
    for (const hours of [47, 48, 999, 13_140, 10_000_000, 1e12]) {
      expect(stringWidth(formatDuration(hours * 3_600_000)), String(hours)).toBeLessThanOrEqual(8);
    }
  });

  test("a moment of today is its time; of another day, its date and time", () => {
    const now = new Date(2026, 5, 2, 15, 0, 0);
    expect(formatMoment(new Date(2026, 5, 2, 9, 5, 7).toISOString(), now)).toBe("09:05:07");
    expect(formatMoment(new Date(2026, 4, 28, 9, 5, 7).toISOString(), now)).toBe("2026-05-28 09:05:07");
  });
});
