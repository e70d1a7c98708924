import type { Command } from "commander";
import type { ExitCode } from "./exit-codes.ts";
import type { Session } from "./session.ts";

/**
 * One subcommand: what commander needs to parse it and print its help, and what it does. Adding a
 * command is one spec in a group's list (commands/index.ts); parsing, help, output modes, errors
 * and exit codes come with it.
 */
export type CommandSpec = {
  readonly kind: "command";
  /** The name and its arguments, as commander takes them: `get <pool-id>`. */
  readonly usage: string;
  readonly summary: string;
  /** Longer text for its help; the summary when not given. */
  readonly description?: string;
  /** Shell lines, each shown after `$ `; a `# comment` may follow. */
  readonly examples: readonly string[];
  /** Adds the command's own options. */
  readonly options?: (command: Command) => Command;
  /** Does the work; resolves with the exit code (0 when nothing is returned). */
  readonly run: (
    session: Session,
    args: string[],
    options: Record<string, unknown>,
  ) => Promise<ExitCode | undefined>;
};

/** A command that only holds others: `pools`, `registry agents`. */
export type GroupSpec = {
  readonly kind: "group";
  readonly name: string;
  readonly summary: string;
  readonly children: readonly (CommandSpec | GroupSpec)[];
};

/** A command spec (the `kind` filled in). */
export function command(spec: Omit<CommandSpec, "kind">): CommandSpec {
  return { kind: "command", ...spec };
}

/** A group spec (the `kind` filled in). */
export function group(
  name: string,
  summary: string,
  children: readonly (CommandSpec | GroupSpec)[],
): GroupSpec {
  return { kind: "group", name, summary, children };
}
