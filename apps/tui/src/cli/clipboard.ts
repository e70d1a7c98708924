/**
 * Puts `text` on the system clipboard with OSC 52, which most terminals and tmux (with
 * `set-clipboard on`) understand; it draws nothing, so it can be written between frames.
 */
export function copyToClipboard(text: string, out: NodeJS.WritableStream = process.stdout): void {
  out.write(`\u001b]52;c;${Buffer.from(text, "utf8").toString("base64")}\u0007`);
}
