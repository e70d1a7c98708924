import { readFileSync } from "node:fs";
import { BATCH_EXIT } from "@agentdeck/batch";
import { describe, expect, test } from "vitest";
import { EXIT, EXIT_CODE_MEANINGS, exitCodeTable, exitForBatch } from "./exit-codes.ts";
import { agentdeck } from "./test/run.ts";

describe("the exit codes", () => {
  test("are distinct, one a meaning", () => {
    const codes = Object.values(EXIT);
    expect(new Set(codes).size).toBe(codes.length);
    expect(EXIT_CODE_MEANINGS.map((m) => m.code)).toEqual([...codes].sort((a, b) => a - b));
  });

  test("the README's table is the one the code uses", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const rows = [...readme.matchAll(/^\| (\d+) +\| (.+?) +\|$/gm)].map(([, code, meaning]) => ({
      code: Number(code),
      meaning,
    }));
    expect(rows).toEqual(EXIT_CODE_MEANINGS);
  });

  test("every code of the batch commands has its place in the CLI's table", () => {
    expect(
      Object.fromEntries(Object.entries(BATCH_EXIT).map(([name, code]) => [name, exitForBatch(code)])),
    ).toEqual({
      ok: EXIT.ok,
      rowsFailed: EXIT.runFailed,
      usage: EXIT.usage,
      stopped: EXIT.batchStopped,
      interrupted: EXIT.interrupted,
    });
  });

  test("agentdeck --help prints the table", async () => {
    expect((await agentdeck(["--help"])).out).toContain(`Exit codes:\n${exitCodeTable()}`);
  });
});
