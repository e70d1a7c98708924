import type { Key } from "ink";
import { describe, expect, test } from "vitest";
import { decodeKeys } from "./keyPress.ts";

const none: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe("decoding keys", () => {
  test("names special keys and keeps a typed character as itself", () => {
    expect(decodeKeys("", { ...none, downArrow: true })).toEqual([{ name: "down", text: "" }]);
    expect(decodeKeys("\t", { ...none, tab: true, shift: true })).toEqual([{ name: "shift+tab", text: "" }]);
    expect(decodeKeys("d", { ...none, ctrl: true })).toEqual([{ name: "ctrl+d", text: "" }]);
    expect(decodeKeys("G", { ...none, shift: true })).toEqual([{ name: "G", text: "G" }]);
  });

  test("a chunk typed faster than the terminal reports it is one press per character, in order", () => {
    expect(decodeKeys("nFast", none).map((p) => p.name)).toEqual(["n", "F", "a", "s", "t"]);
    expect(decodeKeys("jjk", none).map((p) => p.name)).toEqual(["j", "j", "k"]);
  });

  test("Tab, Enter and control characters inside a chunk count as the keys they are", () => {
    expect(decodeKeys("\t\tab\r\n\u0013", none).map((p) => p.name)).toEqual([
      "tab",
      "tab",
      "a",
      "b",
      "enter",
      "ctrl+s",
    ]);
  });

  test("two Esc pressed quickly (Ink's Alt+Esc) are two Esc", () => {
    expect(decodeKeys("", { ...none, escape: true, meta: true })).toEqual([
      { name: "esc", text: "" },
      { name: "esc", text: "" },
    ]);
  });

  test("Esc with a key right after it (Ink's Alt+key) is those two keys", () => {
    expect(decodeKeys("3", { ...none, meta: true })).toEqual([
      { name: "esc", text: "" },
      { name: "3", text: "3" },
    ]);
  });
});
