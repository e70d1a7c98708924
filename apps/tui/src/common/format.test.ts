import { describe, expect, test } from "vitest";
import { formatMoment } from "./format.ts";

describe("format", () => {
  test("a moment of today is its time; of another day, its date and time", () => {
    const now = new Date(2026, 5, 2, 15, 0, 0);
    expect(formatMoment(new Date(2026, 5, 2, 9, 5, 7).toISOString(), now)).toBe("09:05:07");
    expect(formatMoment(new Date(2026, 4, 28, 9, 5, 7).toISOString(), now)).toBe("2026-05-28 09:05:07");
  });
});
