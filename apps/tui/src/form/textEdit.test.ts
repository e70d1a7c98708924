import { describe, expect, test } from "vitest";
import type { KeyPress } from "../keys/keyPress.ts";
import { editText, type TextCursor } from "./textEdit.ts";

const key = (name: string): KeyPress => ({ name, text: "" });
const text = (t: string): KeyPress => ({ name: [...t].length === 1 ? t : "", text: t });

function apply(state: TextCursor, presses: KeyPress[], multiline = false): TextCursor | undefined {
  let current: TextCursor | undefined = state;
  for (const press of presses) current = current && editText(current, press, { multiline });
  return current;
}

describe("editText", () => {
  test("types at the cursor and moves it", () => {
    expect(apply({ value: "ac", cursor: 1 }, [text("b")])).toEqual({ value: "abc", cursor: 2 });
  });

  test("Backspace, Delete, Home, End, Ctrl+U, Ctrl+K and Ctrl+W edit as in a shell", () => {
    const start = { value: "hello brave world", cursor: 17 };
    expect(apply(start, [key("backspace")])?.value).toBe("hello brave worl");
    expect(apply(start, [key("home"), key("delete")])?.value).toBe("ello brave world");
    expect(apply(start, [key("ctrl+w")])?.value).toBe("hello brave ");
    expect(apply(start, [key("ctrl+u")])?.value).toBe("");
    expect(apply({ value: "keep cut", cursor: 4 }, [key("ctrl+k")])?.value).toBe("keep");
    expect(apply({ value: "ab", cursor: 0 }, [key("end")])?.cursor).toBe(2);
  });

  test("a pasted chunk goes in whole, its line breaks as spaces on a single line", () => {
    expect(apply({ value: "", cursor: 0 }, [text("a\nb\tc")])?.value).toBe("a b c");
  });

  test("control characters typed or pasted never get in", () => {
    expect(apply({ value: "", cursor: 0 }, [text("x\u001b[31my\u0007")])?.value).toBe("x[31my");
  });

  test("leaves Enter, Tab, Esc and arrows up and down to the form on a single line", () => {
    for (const name of ["enter", "tab", "esc", "up", "down"])
      expect(editText({ value: "", cursor: 0 }, key(name))).toBeUndefined();
  });

  test("in several lines Enter starts a line and ↑ ↓ move between lines until the first or last", () => {
    let state = apply({ value: "a=1", cursor: 3 }, [key("enter"), text("b=2")], true);
    expect(state).toEqual({ value: "a=1\nb=2", cursor: 7 });
    state = apply(state as TextCursor, [key("up")], true);
    expect(state?.cursor).toBe(3);
    expect(editText(state as TextCursor, key("up"), { multiline: true })).toBeUndefined();
    expect(editText({ value: "a\nb", cursor: 3 }, key("down"), { multiline: true })).toBeUndefined();
  });
});
