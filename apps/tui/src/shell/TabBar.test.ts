import { describe, expect, test } from "vitest";
import { cycleTab } from "./TabBar.tsx";

describe("tabs", () => {
  test("cycle both ways", () => {
    expect(cycleTab("registry", 1)).toBe("batch");
    expect(cycleTab("batch", 1)).toBe("pools");
    expect(cycleTab("pools", -1)).toBe("batch");
  });
});
