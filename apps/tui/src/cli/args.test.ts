import { describe, expect, test } from "vitest";
import { parseArgs, UsageError } from "./args.ts";

describe("parseArgs", () => {
  test("reads --profile in both spellings", () => {
    expect(parseArgs(["--profile", "work"])).toEqual({ kind: "run", profile: "work", journal: undefined });
    expect(parseArgs(["--profile=work"])).toEqual({ kind: "run", profile: "work", journal: undefined });
    expect(parseArgs([])).toEqual({ kind: "run", profile: undefined, journal: undefined });
  });

  test("reads --journal in both spellings, beside --profile", () => {
    expect(parseArgs(["--journal", "b.sqlite", "--profile", "work"])).toEqual({
      kind: "run",
      profile: "work",
      journal: "b.sqlite",
    });
    expect(parseArgs(["--journal=runs/b.sqlite"])).toMatchObject({ journal: "runs/b.sqlite" });
    expect(() => parseArgs(["--journal"])).toThrow(/--journal needs a batch journal file/);
  });

  test("answers --help and --version", () => {
    expect(parseArgs(["-h"])).toEqual({ kind: "help" });
    expect(parseArgs(["--version"])).toEqual({ kind: "version" });
  });

  test("rejects a missing profile name and unknown arguments, saying what to do", () => {
    expect(() => parseArgs(["--profile"])).toThrow(/--profile needs the name of a profile/);
    expect(() => parseArgs(["--prfile"])).toThrow(UsageError);
    expect(() => parseArgs(["--prfile"])).toThrow(/agentdeck --help/);
  });
});
