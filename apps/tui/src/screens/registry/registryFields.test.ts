import type { RegistryAgent } from "@agentdeck/core";
import { describe, expect, test } from "vitest";
import { validateRegistryAgent, validateRegistryUpdate } from "./registryFields.ts";

describe("the registry form", () => {
  test("needs a name and limits the description", () => {
    expect(validateRegistryAgent({ name: "  " }).errors.name).toBe("must be 1 to 255 characters");
    expect(
      validateRegistryAgent({ name: "a", description: "x".repeat(2001) }).errors.description,
    ).toBeDefined();
    expect(validateRegistryAgent({ name: "Scout", description: "" }).body).toEqual({ name: "Scout" });
  });
});

describe("the registry edit form", () => {
  const agent = { name: "Scout", description: "Finds suppliers" } as RegistryAgent;

  test("sends only what changed, and an emptied description as null (cleared)", () => {
    expect(validateRegistryUpdate({ name: "Scout 2", description: "Finds suppliers" }, agent).body).toEqual({
      name: "Scout 2",
    });
    expect(validateRegistryUpdate({ name: "Scout", description: "" }, agent).body).toEqual({
      description: null,
    });
  });

  test("refuses a blank name, and says when nothing changed, before anything is sent", () => {
    const blank = validateRegistryUpdate({ name: "   ", description: "Finds suppliers" }, agent);
    expect(blank.body).toBeUndefined();
    expect(blank.errors.name).toBe("must be 1 to 255 characters");
    const same = validateRegistryUpdate({ name: "Scout", description: "Finds suppliers" }, agent);
    expect(same.body).toBeUndefined();
    expect(same.errors[""]).toBe("nothing changed: edit a field first");
  });
});
