import type { Key } from "ink";

/**
 * One key press. `name` is what bindings match: a printable character as itself (`j`, `G`, `?`,
 * ` `), special keys by name (`up`, `pagedown`, `enter`, `esc`, `tab`, `shift+tab`, `backspace`),
 * modified keys with a prefix (`ctrl+d`). `text` is what the key types: the character, or `""`.
 */
export type KeyPress = { readonly name: string; readonly text: string };

function named(name: string): KeyPress {
  return { name, text: "" };
}

function special(input: string, key: Key): KeyPress | undefined {
  if (key.upArrow) return named("up");
  if (key.downArrow) return named("down");
  if (key.leftArrow) return named("left");
  if (key.rightArrow) return named("right");
  if (key.pageUp) return named("pageup");
  if (key.pageDown) return named("pagedown");
  if (key.home) return named("home");
  if (key.end) return named("end");
  if (key.return) return named("enter");
  if (key.escape) return named("esc");
  if (key.tab) return named(key.shift ? "shift+tab" : "tab");
  if (key.backspace) return named("backspace");
  if (key.delete) return named("delete");
  if (key.ctrl && input) return named(`ctrl+${input.toLowerCase()}`);
  return undefined;
}

/** The press for one character of a chunk of typed text. */
function character(ch: string): KeyPress {
  if (ch === "\t") return named("tab");
  if (ch === "\r" || ch === "\n") return named("enter");
  // Control characters (Ctrl+S arrives as \u0013) are named as Ctrl and their letter.
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 1 && code <= 26) return named(`ctrl+${String.fromCharCode(code + 96)}`);
  return { name: ch, text: ch };
}

/**
 * Decodes what Ink's `useInput` hands over into key presses, once, for every view. A chunk of
 * text (keys typed faster than the terminal reports them, or pasted) is one press per character,
 * in order, so `nFast pool` opens a form with `n` and types the rest into it, and `jjj` moves
 * three rows; its Tab, Enter and control characters count as the keys they are.
 */
export function decodeKeys(input: string, key: Key): KeyPress[] {
  // Two Esc pressed quickly reach Ink as one Alt+Esc: each closes a view.
  if (key.escape && key.meta) return [named("esc"), named("esc")];
  const one = special(input, key);
  if (one !== undefined) return [one];
  const presses: KeyPress[] = [];
  // Esc and a key pressed right after it reach Ink as one Alt+key; nothing is bound to Alt, so it
  // is the two keys that were pressed (Esc closes the form, 3 goes to Executions).
  if (key.meta) presses.push(named("esc"));
  let last = "";
  for (const ch of input) {
    // Windows-style line ends are one Enter, not two.
    if (!(ch === "\n" && last === "\r")) presses.push(character(ch));
    last = ch;
  }
  return presses;
}
