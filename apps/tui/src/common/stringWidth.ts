import stringWidthOfAnyText from "string-width";
import stripAnsi from "strip-ansi";

/**
 * Text of one cell a character: printable ASCII, Latin letters with their accents precomposed,
 * and the punctuation, arrows, box drawing and shapes the UI draws with (› · … ● ▲ │). None is
 * combining, zero-width or an emoji, and string-width counts each as one cell (a test checks
 * every one), so for such text the width is its length: string-width's segmenting, and the
 * emoji pattern it compiles on first use (tens of milliseconds), are needed only for other text.
 */
export const NARROW =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc\u2713-\u2717]*$/;

/**
 * string-width with a fast path for narrow text. The bundle (build.ts) gives this to every
 * package that imports string-width (Ink among them), so Ink measures the UI's lines fast too.
 */
export default function stringWidth(
  text: string,
  options?: Parameters<typeof stringWidthOfAnyText>[1],
): number {
  if (typeof text !== "string" || options?.ambiguousIsNarrow === false || options?.countAnsiEscapeCodes) {
    return stringWidthOfAnyText(text, options);
  }
  // Ink measures its styled lines, escape sequences and all; they take no cells.
  const visible = text.includes("\u001b") || text.includes("\u009b") ? stripAnsi(text) : text;
  return NARROW.test(visible) ? visible.length : stringWidthOfAnyText(visible, options);
}
