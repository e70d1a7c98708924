import type { Client } from "@agentdeck/core";

/** Where a command writes, and what it knows of its surroundings: the same whether a bin or the CLI mounts it. */
export type CommandIo = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Whether stderr is a terminal: progress is then one line redrawn in place, else plain lines. */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** Where a journal is looked for when none is named; the process's when not given. */
  cwd?: string | undefined;
  /** Aborted on Ctrl-C: the command stops cleanly and says how to go on. */
  signal?: AbortSignal | undefined;
  /** A client built by the caller (the CLI, from its own profile handling); else one from `env` and the config file. */
  client?: Client | undefined;
  /** How the user calls these commands, for the hints in messages: `agentdeck-batch` unless told (the CLI: `agentdeck batch`). */
  commandName?: string | undefined;
};

/** Exit codes of the batch commands. */
export const EXIT = {
  /** Every row finished and completed (or, for status/results/cancel, the command did what it said). */
  ok: 0,
  /** The batch ran to its end, but some rows failed, or their executions failed or were cancelled. */
  rowsFailed: 1,
  /** Bad arguments or bad rows: nothing was started. */
  usage: 2,
  /** The batch stopped before its end (an API error, a cancel, a journal in use): `batch resume` goes on. */
  stopped: 3,
  /** Interrupted (Ctrl-C): `batch resume` goes on. */
  interrupted: 130,
} as const;

/** A command-line mistake; the message says which option and what it takes. */
export class UsageError extends Error {
  override name = "UsageError";
}
