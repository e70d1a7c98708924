import { describe, expect, test } from "vitest";
import { tuiArguments } from "./tui-arguments.ts";

describe("what opens the TUI", () => {
  test("nothing, or only the TUI's own options, in any order and either form", () => {
    expect(tuiArguments([])).toEqual([]);
    expect(tuiArguments(["--profile", "work"])).toEqual(["--profile", "work"]);
    expect(tuiArguments(["--journal=june.sqlite", "--profile", "work"])).toEqual([
      "--journal=june.sqlite",
      "--profile",
      "work",
    ]);
    expect(tuiArguments(["--journal", "june.sqlite"])).toEqual(["--journal", "june.sqlite"]);
  });

  test("anything else goes to the command parser, which says what is wrong", () => {
    expect(tuiArguments(["pools", "list"])).toBeUndefined();
    expect(tuiArguments(["--profile", "work", "pools"])).toBeUndefined();
    expect(tuiArguments(["--journal"])).toBeUndefined();
    expect(tuiArguments(["--journal", "--profile", "work"])).toBeUndefined();
    expect(tuiArguments(["--help"])).toBeUndefined();
  });
});
