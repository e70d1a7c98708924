import { AgentdeckError, RequestValidationError } from "@agentdeck/core";
import { JournalBusyError, JournalError } from "../journal/journal.ts";
import { MappingError } from "../rows/mapping.ts";
import { RowsError } from "../rows/row-issues.ts";
import { type CommandIo, EXIT, UsageError } from "./command-io.ts";
import { terminalSafe } from "./terminal-text.ts";

/** Runs a command's body; an error a user can fix becomes a message on stderr and its exit code. */
export async function withCommandErrors(io: CommandIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const code = exitCodeOf(error);
    if (code === undefined) throw error;
    io.stderr.write(`${io.commandName ?? "agentdeck-batch"}: ${terminalSafe((error as Error).message)}\n`);
    return code;
  }
}

function exitCodeOf(error: unknown): number | undefined {
  if (error instanceof JournalBusyError) return EXIT.stopped;
  if (
    error instanceof UsageError ||
    error instanceof MappingError ||
    error instanceof RowsError ||
    error instanceof RequestValidationError ||
    error instanceof JournalError
  ) {
    return EXIT.usage;
  }
  // Any other API or network error: nothing was lost, the journal says where the batch stands.
  if (error instanceof AgentdeckError) return EXIT.stopped;
  return undefined;
}

/** A whole-number option (`--concurrency 8`), given as text or a number; undefined when not given. */
export function wholeOption(
  value: string | number | undefined,
  flag: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === "number" ? value : /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return n;
}
