import { describe, expect, test } from "vitest";
import { describeActivity } from "./activity.ts";

describe("activities", () => {
  test("read as one line each, unknown kinds by their type", () => {
    expect(describeActivity({ activityType: "step_started", stepNumber: 2 })).toEqual({
      label: "step",
      text: "step 2 started",
    });
    expect(
      describeActivity({ activityType: "user_message_received", message: "hi", userUUID: "u" }).text,
    ).toBe("hi");
    expect(describeActivity({ activityType: "brand_new_kind" }).label).toBe("brand_new_kind");
  });
});
