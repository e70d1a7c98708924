import { describe, expect, test } from "vitest";
import { validateRegistryAgent } from "./registryFields.ts";

describe("the registry form", () => {
  test("needs a name and limits the description", () => {
    expect(validateRegistryAgent({ name: "  " }).errors.name).toBe("must be 1 to 255 characters");
    expect(
      validateRegistryAgent({ name: "a", description: "x".repeat(2001) }).errors.description,
    ).toBeDefined();
    expect(validateRegistryAgent({ name: "Scout", description: "" }).body).toEqual({ name: "Scout" });
  });
});
