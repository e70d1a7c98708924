import { describe, expect, test } from "vitest";
import { colourDisabled, themeFor } from "./theme.ts";

describe("the theme", () => {
  test("NO_COLOR (set and not empty) turns every colour off", () => {
    expect(colourDisabled({ NO_COLOR: "1" })).toBe(true);
    expect(colourDisabled({ NO_COLOR: "" })).toBe(false);
    expect(Object.values(themeFor({ colour: false })).every((c) => c === undefined)).toBe(true);
  });
});
