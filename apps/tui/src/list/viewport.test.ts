import { describe, expect, test } from "vitest";
import { detailWidth, windowTop } from "./viewport.ts";

describe("the viewport", () => {
  test("the list window scrolls only when the cursor reaches an edge", () => {
    expect(windowTop(0, 5, 10, 100)).toBe(0);
    expect(windowTop(0, 10, 10, 100)).toBe(1);
    expect(windowTop(20, 15, 10, 100)).toBe(15);
    expect(windowTop(95, 99, 10, 100)).toBe(90);
    expect(windowTop(3, 2, 10, 5)).toBe(0);
  });

  test("the detail pane gives way on narrow terminals", () => {
    expect(detailWidth(120)).toBeGreaterThan(0);
    expect(detailWidth(70)).toBe(0);
  });
});
