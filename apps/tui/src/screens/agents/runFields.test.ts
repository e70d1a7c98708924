import { describe, expect, test } from "vitest";
import { parseRows, validateRun } from "./runFields.ts";

const POOL_ID = "6a5e41dc-9ede-4cd4-bf09-7ca88cb17d3d";
const ID = POOL_ID;

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
    expect(parseRows("a=1\nnonsense", { typed: true }).error).toBe("line 2: write key=text or key:=JSON");
    expect(parseRows("a=1\na=2", { typed: false }).error).toContain('"a" is given twice');
    expect(parseRows("{not json", { typed: true }).error).toContain("not valid JSON");
    expect(parseRows("[1]", { typed: true }).error).toBe("must be a JSON object");
    expect(parseRows('{"a": 1}', { typed: false }).error).toBe("line 1: write key=text");
  });
});

describe("the run form, where issue 12 found it wanting", () => {
  test("key:=json rows are typed values, key=text rows are text (bug 10)", () => {
    const run = validateRun({ agent: ID, pool: ID, inputs: "fail:=true\nsteps:=6\nlabel=x" });
    expect(run.body?.inputs).toEqual({ fail: true, steps: 6, label: "x" });
  });

  test("a soft timeout written as 1e2 or too large to mean anything is refused (bug 11)", () => {
    expect(validateRun({ agent: ID, pool: ID, softTimeoutMins: "1e2" }).errors.softTimeoutMins).toBeDefined();
    expect(
      validateRun({ agent: ID, pool: ID, softTimeoutMins: "999999999999" }).errors.softTimeoutMins,
    ).toBeDefined();
  });

  test("a typed value that is not JSON says how to write it as text instead (bug 10)", () => {
    expect(parseRows("steps:=six", { typed: true }).error).toBe(
      'line 1: after steps:= comes JSON (3, true, "text", [1]); write steps=six for text',
    );
    expect(parseRows("url=https://x.test/?a=b", { typed: true }).value).toEqual({
      url: "https://x.test/?a=b",
    });
    expect(parseRows('note:="a:=b"', { typed: true }).value).toEqual({ note: "a:=b" });
  });

  test("a version must be written in digits too (bug 11)", () => {
    expect(validateRun({ agent: ID, pool: ID, version: "2e0" }).errors.version).toContain("in digits");
    expect(validateRun({ agent: ID, pool: ID, softTimeoutMins: "30", version: "3" }).body).toMatchObject({
      executionOptions: { softTimeoutMins: 30 },
      version: 3,
    });
  });
});
