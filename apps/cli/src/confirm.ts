import { DeclinedError, UsageError } from "./cli-errors.ts";
import { sanitize } from "./output/sanitize.ts";
import type { Session } from "./session.ts";

/**
 * Before something that cannot be undone: `--yes` goes ahead; otherwise a person must be at a terminal
 * to be asked (stdin and stderr both terminals), so a script never deletes by accident and never
 * hangs on a question. Throws before anything is sent when nobody can answer.
 */
export function requireAnswerable(
  session: Session,
  options: { yes: boolean; flag: string; what: string },
): void {
  if (options.yes) return;
  const { stdin, stderr } = session.io;
  if (!stdin.isTTY || !stderr.isTTY) {
    throw new UsageError(
      `${options.what}: nobody is at a terminal to confirm it; pass ${options.flag} to go ahead.`,
    );
  }
}

/** Asks `question` at the terminal (after `requireAnswerable`); anything but y or yes declines. It may name server text, so it is made inert. */
export async function confirm(session: Session, question: string): Promise<void> {
  const answer = await session.io.stdin.readLine(`${sanitize(question)} [y/N] `);
  if (!/^y(es)?$/i.test(answer.trim())) throw new DeclinedError();
}
