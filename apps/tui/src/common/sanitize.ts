import stringWidth from "string-width";
import stripAnsi from "strip-ansi";

// C0 controls, DEL and C1 controls, plus the bidirectional overrides and isolates that can make
// text read differently from how it is stored. Whatever strip-ansi leaves of a broken sequence
// (a lone ESC, a stray CSI byte) goes with them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n|[\n\r\t\u2028\u2029]/g;
// Printable ASCII (and newlines) needs no look at graphemes: the common case stays cheap.
const PLAIN = /^[\x20-\x7e\n]*$/;
const MARKS = /\p{M}/gu;
/** Combining marks kept on one character: enough for any script, too few to stack a tower of them. */
const MAX_MARKS = 4;

const segmenter = new Intl.Segmenter();

/**
 * Drops what would take a terminal cell the layout did not count: a cluster that is zero-width
 * on its own (a lone combining mark, a zero-width space or joiner) is removed, while marks and
 * joiners inside a cluster that draws as one character (é as e + ́, a family emoji) stay, up to a
 * few marks a character.
 */
function dropInvisible(text: string): string {
  if (PLAIN.test(text)) return text;
  let out = "";
  for (const { segment } of segmenter.segment(text)) {
    if (segment === "\n") out += segment;
    else if (stringWidth(segment) > 0) {
      let marks = 0;
      out += segment.replace(MARKS, (mark) => (++marks > MAX_MARKS ? "" : mark));
    }
  }
  return out;
}

/**
 * Makes text from a server inert before it is drawn: terminal escape sequences and control
 * characters are removed, so a name can neither colour the screen, move the cursor, clear it nor
 * retitle the window, and characters that take no cell of their own are dropped (see
 * `dropInvisible`), so none can shift what is drawn after it. Single-line text (the default)
 * turns line breaks and tabs into spaces; `multiline` keeps newlines and turns tabs into two spaces.
 */
export function sanitize(value: unknown, options: { multiline?: boolean } = {}): string {
  const text = typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
  if (PLAIN.test(text) && (options.multiline || !text.includes("\n"))) return text;
  const stripped = stripAnsi(text);
  if (options.multiline) {
    return dropInvisible(
      stripped
        .replace(/\r\n?/g, "\n")
        .replace(/\t/g, "  ")
        .replace(/[\u2028\u2029]/g, "\n")
        .replace(CONTROL, ""),
    );
  }
  return dropInvisible(stripped.replace(LINE_BREAKS, " ").replace(CONTROL, ""));
}
