import stripAnsi from "strip-ansi";

// C0 controls, DEL and C1 controls, plus the bidirectional overrides and isolates that can make
// text read differently from how it is stored. Whatever strip-ansi leaves of a broken sequence
// (a lone ESC, a stray CSI byte) goes with them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n|[\n\r\t\u2028\u2029]/g;

/**
 * Makes text from a server inert before it is drawn: terminal escape sequences and control
 * characters are removed, so a name can neither colour the screen, move the cursor, clear it nor
 * retitle the window. Single-line text (the default) turns line breaks and tabs into spaces;
 * `multiline` keeps newlines and turns tabs into two spaces.
 */
export function sanitize(value: unknown, options: { multiline?: boolean } = {}): string {
  const text = typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
  const stripped = stripAnsi(text);
  if (options.multiline) {
    return stripped
      .replace(/\r\n?/g, "\n")
      .replace(/\t/g, "  ")
      .replace(/[\u2028\u2029]/g, "\n")
      .replace(CONTROL, "");
  }
  return stripped.replace(LINE_BREAKS, " ").replace(CONTROL, "");
}
