import type { KeyPress } from "../keys/keyPress.ts";

/** A value being typed and where the cursor sits in it (an index between characters). */
export type TextCursor = { readonly value: string; readonly cursor: number };

function lineStart(value: string, cursor: number): number {
  return value.lastIndexOf("\n", cursor - 1) + 1;
}

function lineEnd(value: string, cursor: number): number {
  const end = value.indexOf("\n", cursor);
  return end === -1 ? value.length : end;
}

function insert(state: TextCursor, text: string): TextCursor {
  return {
    value: state.value.slice(0, state.cursor) + text + state.value.slice(state.cursor),
    cursor: state.cursor + text.length,
  };
}

function remove(state: TextCursor, from: number, to: number): TextCursor {
  return { value: state.value.slice(0, from) + state.value.slice(to), cursor: from };
}

function verticalMove(state: TextCursor, direction: -1 | 1): TextCursor | undefined {
  const start = lineStart(state.value, state.cursor);
  const column = state.cursor - start;
  if (direction === -1) {
    if (start === 0) return undefined;
    const previousStart = lineStart(state.value, start - 1);
    return { ...state, cursor: Math.min(previousStart + column, start - 1) };
  }
  const end = lineEnd(state.value, state.cursor);
  if (end === state.value.length) return undefined;
  const nextEnd = lineEnd(state.value, end + 1);
  return { ...state, cursor: Math.min(end + 1 + column, nextEnd) };
}

/**
 * Applies one key press to a text field. Returns undefined for a key a
 * text field does not use, so the caller can give it another meaning (Tab, Esc, Enter on a single
 * line, ↑ on the first line of several). Typed or pasted control characters never get in.
 */
export function editText(
  state: TextCursor,
  press: KeyPress,
  options: { multiline?: boolean } = {},
): TextCursor | undefined {
  const { value, cursor } = state;
  switch (press.name) {
    case "left":
    case "ctrl+b":
      return { value, cursor: Math.max(0, cursor - 1) };
    case "right":
    case "ctrl+f":
      return { value, cursor: Math.min(value.length, cursor + 1) };
    case "home":
    case "ctrl+a":
      return { value, cursor: lineStart(value, cursor) };
    case "end":
    case "ctrl+e":
      return { value, cursor: lineEnd(value, cursor) };
    case "backspace":
      return cursor === 0 ? state : remove(state, cursor - 1, cursor);
    case "delete":
    case "ctrl+d":
      return cursor === value.length ? state : remove(state, cursor, cursor + 1);
    case "ctrl+u":
      return remove(state, lineStart(value, cursor), cursor);
    case "ctrl+k":
      return remove(state, cursor, lineEnd(value, cursor));
    case "ctrl+w": {
      const before = value.slice(lineStart(value, cursor), cursor);
      const word = /\S*\s*$/.exec(before)?.[0].length ?? 0;
      return remove(state, cursor - word, cursor);
    }
    case "enter":
      return options.multiline ? insert(state, "\n") : undefined;
    case "up":
      return options.multiline ? verticalMove(state, -1) : undefined;
    case "down":
      return options.multiline ? verticalMove(state, 1) : undefined;
    default: {
      if (press.text === "") return undefined;
      const text = options.multiline
        ? press.text.replace(/\r\n?/g, "\n")
        : press.text.replace(/[\r\n\t]+/g, " ");
      // biome-ignore lint/suspicious/noControlCharactersInRegex: typed control characters are dropped
      const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
      return clean === "" ? state : insert(state, clean);
    }
  }
}
