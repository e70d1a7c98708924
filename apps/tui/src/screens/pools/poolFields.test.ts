import type { AgentProfilePool } from "@agentdeck/core";
import { describe, expect, test } from "vitest";
import { poolValues, validateCreatePool, validateUpdatePool } from "./poolFields.ts";

const ORG = "cb7f3d78-def8-4fbb-a7d4-d8b03c4ae591";
const POOL_ID = "6a5e41dc-9ede-4cd4-bf09-7ca88cb17d3d";
const pool: AgentProfilePool = {
  id: POOL_ID,
  name: "Old",
  organizationId: ORG,
  selectionStrategy: "least_recently_used",
  allowConcurrentUse: false,
  createdAt: "2025-01-01T00:00:00Z",
  updatedAt: "2025-01-01T00:00:00Z",
};

describe("the pool form", () => {
  test("marks a name longer than 255 characters with the schema's message, and sends nothing", () => {
    const { body, errors } = validateCreatePool({ ...poolValues(), name: "x".repeat(256) }, ORG);
    expect(body).toBeUndefined();
    expect(errors.name).toBe("must be 1 to 255 characters");
  });

  test("builds the create body from the fields", () => {
    const values = { name: "Billing", selectionStrategy: "most_recently_used", allowConcurrentUse: "yes" };
    expect(validateCreatePool(values, ORG).body).toEqual({
      name: "Billing",
      organizationId: ORG,
      selectionStrategy: "most_recently_used",
      allowConcurrentUse: true,
    });
  });

  test("cannot create a pool before the organization is known", () => {
    expect(validateCreatePool({ ...poolValues(), name: "a" }, undefined).errors[""]).toContain(
      "ASTEROID_ORGANIZATION_ID",
    );
  });

  test("an edit sends only the fields that changed", () => {
    expect(validateUpdatePool({ ...poolValues(pool), name: "New" }, pool).body).toEqual({ name: "New" });
  });
});

describe("the pool form, where issue 12 found it wanting", () => {
  test("a name of spaces only is refused, creating or renaming (bug 6)", () => {
    const created = validateCreatePool({ ...poolValues(), name: "   " }, ORG);
    expect(created.body).toBeUndefined();
    expect(created.errors.name).toBe("must not be only spaces");
    expect(validateUpdatePool({ ...poolValues(pool), name: " \t " }, pool).body).toBeUndefined();
    expect(validateCreatePool({ ...poolValues(), name: " Billing " }, ORG).body?.name).toBe(" Billing ");
  });
});
