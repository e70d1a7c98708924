import stripAnsi from "strip-ansi";

/** Server text made safe for a terminal: escape sequences and other control characters removed. */
export function terminalSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  return stripAnsi(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}
