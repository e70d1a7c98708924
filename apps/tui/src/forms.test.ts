import type { AgentProfilePool } from "@agentdeck/core";
import { describe, expect, test } from "vitest";
import { formReducer, initialFormState, visibleErrors } from "./formState.ts";
import { POOL_FIELDS, poolValues, validateCreatePool, validateUpdatePool } from "./poolFields.ts";
import { validateRegistryAgent } from "./registryFields.ts";
import { parseRows, validateRun } from "./runFields.ts";

const ORG = "cb7f3d78-def8-4fbb-a7d4-d8b03c4ae591";
const POOL_ID = "6a5e41dc-9ede-4cd4-bf09-7ca88cb17d3d";

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
    const pool: AgentProfilePool = {
      id: POOL_ID,
      name: "Old",
      organizationId: ORG,
      selectionStrategy: "least_recently_used",
      allowConcurrentUse: false,
      createdAt: "2025-01-01T00:00:00Z",
      updatedAt: "2025-01-01T00:00:00Z",
    };
    expect(validateUpdatePool({ ...poolValues(pool), name: "New" }, pool).body).toEqual({ name: "New" });
  });
});

describe("the run form", () => {
  const valid = { agent: POOL_ID, pool: POOL_ID };

  test("needs an agent and exactly one of pool and profile", () => {
    expect(validateRun({}).errors).toMatchObject({ agent: expect.any(String), pool: expect.any(String) });
    const both = validateRun({ ...valid, profile: POOL_ID });
    expect(both.body).toBeUndefined();
    expect(both.errors.pool).toContain("not both");
    expect(validateRun({ agent: POOL_ID, profile: POOL_ID }).body).toEqual({ agentProfileId: POOL_ID });
  });

  test("marks a soft timeout that is not a whole number of minutes, a bad profile id and a version of 0", () => {
    const { errors } = validateRun({ agent: POOL_ID, profile: "abc", softTimeoutMins: "1.5", version: "0" });
    expect(errors.profile).toContain("UUID");
    expect(errors.softTimeoutMins).toContain("whole number of minutes");
    expect(errors.version).toContain("1 or more");
  });

  test("takes inputs as key=value rows or a JSON object, and metadata as rows", () => {
    const rows = validateRun({ ...valid, inputs: "url=https://x.test\nn = 3", metadata: "team=ops" });
    expect(rows.body).toMatchObject({ inputs: { url: "https://x.test", n: "3" }, metadata: { team: "ops" } });
    const json = validateRun({ ...valid, inputs: '{"n": 3, "tags": ["a"]}', softTimeoutMins: "5" });
    expect(json.body).toMatchObject({
      inputs: { n: 3, tags: ["a"] },
      executionOptions: { softTimeoutMins: 5 },
    });
  });

  test("says which row is wrong", () => {
    expect(parseRows("a=1\nnonsense", { json: true }).error).toBe("line 2: write key=value");
    expect(parseRows("a=1\na=2", { json: false }).error).toContain('"a" is given twice');
    expect(parseRows("{not json", { json: true }).error).toContain("not valid JSON");
    expect(parseRows("[1]", { json: true }).error).toBe("must be a JSON object");
    expect(parseRows('{"a": 1}', { json: false }).error).toBe("line 1: write key=value");
  });
});

describe("the registry form", () => {
  test("needs a name and limits the description", () => {
    expect(validateRegistryAgent({ name: "  " }).errors.name).toBe("must be 1 to 255 characters");
    expect(
      validateRegistryAgent({ name: "a", description: "x".repeat(2001) }).errors.description,
    ).toBeDefined();
    expect(validateRegistryAgent({ name: "Scout", description: "" }).body).toEqual({ name: "Scout" });
  });
});

describe("form state", () => {
  test("shows a field's message once it was touched, and every message once submit was pressed", () => {
    let state = initialFormState(POOL_FIELDS, poolValues());
    const errors = { name: "must be 1 to 255 characters", selectionStrategy: "bad" };
    expect(visibleErrors(state, errors)).toEqual({});
    state = formReducer(POOL_FIELDS, state, { type: "edit", value: "x", cursor: 1 });
    expect(visibleErrors(state, errors)).toEqual({ name: errors.name });
    state = formReducer(POOL_FIELDS, state, { type: "attempt" });
    expect(visibleErrors(state, errors)).toEqual(errors);
  });

  test("a failed submit keeps every value and shows the server's message until the field changes", () => {
    let state = initialFormState(POOL_FIELDS, { ...poolValues(), name: "Billing" });
    state = formReducer(POOL_FIELDS, state, { type: "submitting" });
    state = formReducer(POOL_FIELDS, state, { type: "failed", text: "503", fields: { name: "taken" } });
    expect(state.values.name).toBe("Billing");
    expect(state.error).toBe("503");
    expect(visibleErrors(state, {})).toEqual({ name: "taken" });
    state = formReducer(POOL_FIELDS, state, { type: "edit", value: "Billing 2", cursor: 9 });
    expect(visibleErrors(state, {})).toEqual({});
  });

  test("nothing can be edited while the form is being sent", () => {
    let state = formReducer(POOL_FIELDS, initialFormState(POOL_FIELDS, poolValues()), { type: "submitting" });
    state = formReducer(POOL_FIELDS, state, { type: "edit", value: "changed", cursor: 7 });
    expect(state.values.name).toBe("");
  });
});
