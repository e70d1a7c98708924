import { describe, expect, test } from "vitest";
import type { KnownActivityPayload } from "../models/activity.ts";
import { describeActivity, formatDuration } from "./describe.ts";

describe("formatDuration", () => {
  test("reads as people say it", () => {
    expect(formatDuration(850)).toBe("850ms");
    expect(formatDuration(12_400)).toBe("12s");
    expect(formatDuration(65_000)).toBe("1m 05s");
    expect(formatDuration(3 * 3_600_000 + 60_000)).toBe("3h 01m");
    expect(formatDuration(-1)).toBe("");
    expect(formatDuration(Number.NaN)).toBe("");
  });

  test("a long duration fits eight characters whole", () => {
    expect(formatDuration(47 * 3_600_000)).toBe("47h 00m");
    expect(formatDuration(13_140 * 3_600_000)).toBe("547d 12h");
    expect(formatDuration(1_200 * 24 * 3_600_000)).toBe("3y 105d");
    expect(formatDuration(1e18)).toBe(">999999y");
    for (const hours of [47, 48, 999, 13_140, 10_000_000, 1e9, 1e12]) {
      expect(formatDuration(hours * 3_600_000).length, String(hours)).toBeLessThanOrEqual(8);
    }
  });
});

describe("describeActivity", () => {
  test("one line for each kind", () => {
    expect(describeActivity({ activityType: "step_started", stepNumber: 2 })).toEqual({
      label: "step",
      text: "step 2 started",
    });
    expect(
      describeActivity({
        activityType: "action_completed",
        actionName: "nav_to",
        message: "Opened the page",
        duration: 1500,
      } as KnownActivityPayload),
    ).toEqual({ label: "action", text: "nav_to done in 1s: Opened the page" });
    expect(
      describeActivity({
        activityType: "status_changed",
        status: "failed",
        failedPayload: { reason: "no seat left" },
      } as KnownActivityPayload),
    ).toEqual({ label: "status", text: "failed: no seat left" });
    expect(describeActivity({ activityType: "user_message_received", message: "hi", userUUID: "u" })).toEqual(
      { label: "message", text: "hi" },
    );
  });

  test("a kind this version does not know reads by its type and fields", () => {
    expect(describeActivity({ activityType: "brand_new_kind" })).toEqual({
      label: "brand_new_kind",
      text: "",
    });
    expect(describeActivity({ activityType: "brand_new_kind", depth: 3 } as never)).toEqual({
      label: "brand_new_kind",
      text: '{"depth":3}',
    });
  });
});
