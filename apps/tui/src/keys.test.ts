import { describe, expect, test } from "vitest";
import { actionFor, KEY_GROUPS, keyPress, keyPresses, LIST_KEYS, NO_KEY, singleKeys, toInk } from "./keys.ts";

const none = NO_KEY;

describe("key presses", () => {
  test("names special keys and keeps a typed character as itself", () => {
    expect(keyPress("", { ...none, downArrow: true })).toEqual({ name: "down", text: "" });
    expect(keyPress("\t", { ...none, tab: true, shift: true })).toEqual({ name: "shift+tab", text: "" });
    expect(keyPress("c", { ...none, ctrl: true })).toEqual({ name: "ctrl+c", text: "" });
    expect(keyPress("G", { ...none, shift: true })).toEqual({ name: "G", text: "G" });
  });

  test("a chunk of text has no key name, so `up` typed fast is never the up arrow", () => {
    expect(keyPress("up", none)).toEqual({ name: "", text: "up" });
  });

  test("Tab and Enter inside a chunk count as keys of their own", () => {
    expect(keyPresses("\t\tab\r", none)).toEqual([
      { name: "tab", text: "" },
      { name: "tab", text: "" },
      { name: "", text: "ab" },
      { name: "enter", text: "" },
    ]);
  });

  test("a chunk typed faster than the terminal reports it navigates key by key", () => {
    expect(singleKeys({ name: "", text: "jjk" }).map((p) => p.name)).toEqual(["j", "j", "k"]);
  });

  test("a press handed on as Ink input reads back as the same press", () => {
    for (const press of [
      { name: "j", text: "j" },
      { name: "G", text: "G" },
      { name: "enter", text: "" },
      { name: "shift+tab", text: "" },
      { name: "ctrl+u", text: "" },
      { name: "", text: "typed fast" },
    ]) {
      expect(keyPress(...toInk(press))).toEqual(press);
    }
  });

  test("finds the action bound to a key", () => {
    expect(actionFor(LIST_KEYS, "pagedown")).toBe("nextPage");
    expect(actionFor(LIST_KEYS, "")).toBeUndefined();
  });

  test("no key means two things within one screen's groups", () => {
    for (const group of KEY_GROUPS) {
      const keys = group.bindings.flatMap((b) => b.keys);
      expect(new Set(keys).size, group.title).toBe(keys.length);
    }
  });
});
