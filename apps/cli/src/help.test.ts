import type { Command } from "commander";
import { describe, expect, test } from "vitest";
import { bufferedIo } from "./io.ts";
import { buildProgram } from "./program.ts";
import { agentdeck } from "./test/run.ts";

function paths(command: Command, prefix: string[] = []): string[][] {
  return [prefix, ...command.commands.flatMap((sub) => paths(sub, [...prefix, sub.name()]))];
}

const every = paths(buildProgram(bufferedIo(), { code: undefined, session: undefined })).filter(
  (path) => path.at(-1) !== "help",
);

describe("help", () => {
  test("of every command is pinned: a change to any of them fails here until help.snap.txt is updated", async () => {
    const helps: string[] = [];
    for (const path of every) {
      const { code, out, err } = await agentdeck([...path, "--help"]);
      expect(code, path.join(" ")).toBe(0);
      expect(err).toBe("");
      helps.push(`━━ agentdeck ${[...path, "--help"].join(" ")}\n${out}`);
    }
    await expect(helps.join("\n")).toMatchFileSnapshot("./help.snap.txt");
  });

  test("of every command that does something shows examples", async () => {
    const program = buildProgram(bufferedIo(), { code: undefined, session: undefined });
    const leaves = every.filter((path) => {
      let command: Command | undefined = program;
      for (const name of path) command = command?.commands.find((c) => c.name() === name);
      return path.length > 0 && command?.commands.length === 0;
    });
    expect(leaves.length).toBeGreaterThan(25);
    for (const path of leaves) {
      const { out } = await agentdeck([...path, "--help"]);
      expect(out, path.join(" ")).toMatch(/\nExamples:\n {2}\$ .*agentdeck /);
    }
  });

  test("a group without its subcommand prints its help on stderr and exits 2", async () => {
    const { code, out, err } = await agentdeck(["pools"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("Usage: agentdeck pools [options] [command]");
  });

  test("a mistyped subcommand or flag gets a suggestion, in one line", async () => {
    expect(await agentdeck(["pools", "lst"])).toEqual({
      code: 2,
      out: "",
      err: "agentdeck: unknown command 'lst' (Did you mean list?). Run agentdeck pools --help for the usage.\n",
    });
    const flag = await agentdeck(["pools", "list", "--jsn"]);
    expect(flag.err).toBe(
      "agentdeck: unknown option '--jsn' (Did you mean --json?). Run agentdeck pools list --help for the usage.\n",
    );
    const value = await agentdeck(["pools", "list", "--page", "zero"]);
    expect(value.err).toBe(
      "agentdeck: option '--page <n>' argument 'zero' is invalid. must be a whole number, 1 or more. Run agentdeck pools list --help for the usage.\n",
    );
  });

  test("--version prints the version", async () => {
    expect(await agentdeck(["--version"])).toEqual({ code: 0, out: "agentdeck 0.1.0\n", err: "" });
  });
});
