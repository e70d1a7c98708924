import { describe, expect, test } from "vitest";
import { parseArgs, UsageError } from "./args.ts";

describe("parseArgs", () => {
  test("reads --profile in both spellings", () => {
    expect(parseArgs(["--profile", "work"])).toEqual({ kind: "run", profile: "work" });
    expect(parseArgs(["--profile=work"])).toEqual({ kind: "run", profile: "work" });
    expect(parseArgs([])).toEqual({ kind: "run", profile: undefined });
  });

  test("answers --help and --version", () => {
    expect(parseArgs(["-h"])).toEqual({ kind: "help" });
    expect(parseArgs(["--version"])).toEqual({ kind: "version" });
  });

  test("rejects a missing profile name and unknown arguments, saying what to do", () => {
    expect(() => parseArgs(["--profile"])).toThrow(/needs the name of a profile/);
    expect(() => parseArgs(["--prfile"])).toThrow(UsageError);
    expect(() => parseArgs(["--prfile"])).toThrow(/agentdeck --help/);
  });
});
