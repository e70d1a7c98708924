import { describe, expect, test } from "vitest";
import { UsageError } from "./cli-errors.ts";
import { parseInput, parseInputsFile, parseMetadata } from "./inputs.ts";

describe("typed inputs, as httpie reads them", () => {
  test.each([
    ["city=Lisbon", ["city", "Lisbon"]],
    ["nights:=3", ["nights", 3]],
    ["ok:=true", ["ok", true]],
    ["none:=null", ["none", null]],
    ['quoted:="3"', ["quoted", "3"]],
    ['list:=[1,"a"]', ["list", [1, "a"]]],
    ['obj:={"a":{"b":1}}', ["obj", { a: { b: 1 } }]],
    ["empty=", ["empty", ""]],
    ["url=https://x.test/?a=b", ["url", "https://x.test/?a=b"]],
    ["eq=a:=b", ["eq", "a:=b"]],
  ])("%s", (pair, expected) => {
    expect(parseInput(pair)).toEqual(expected);
  });

  test.each(["city", "=x", ":=3", "n:=three", "n:="])("refuses %s with what is allowed", (pair) => {
    expect(() => parseInput(pair)).toThrow(UsageError);
    expect(() => parseInput(pair)).toThrow(/KEY=TEXT or KEY:=JSON|must be JSON/);
  });

  test("metadata is KEY=VALUE, the value kept as text", () => {
    expect(parseMetadata("team=growth")).toEqual(["team", "growth"]);
    expect(parseMetadata("n=3")).toEqual(["n", "3"]);
    expect(() => parseMetadata("team")).toThrow(/must be KEY=VALUE/);
  });

  test("an inputs file holds one JSON object", () => {
    expect(parseInputsFile('{"a": 1}', "f.json")).toEqual({ a: 1 });
    expect(() => parseInputsFile("[1]", "f.json")).toThrow(/must hold a JSON object/);
    expect(() => parseInputsFile("{", "f.json")).toThrow("--inputs-file f.json is not valid JSON");
  });
});
