import stripAnsi from "strip-ansi";

// C0 and C1 controls and DEL, plus the bidirectional overrides and isolates that can make text read
// differently from how it is stored. What strip-ansi leaves of a broken sequence goes with them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n|[\n\r\t\u2028\u2029]/g;

/**
 * Makes text from a server inert before it reaches a terminal: escape sequences and control
 * characters are removed (so a name can neither colour the screen, move the cursor nor retitle
 * the window), and line breaks and tabs become spaces, so one value stays on one line.
 */
export function sanitize(value: unknown): string {
  const text = typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
  return stripAnsi(text).replace(LINE_BREAKS, " ").replace(CONTROL, "");
}
