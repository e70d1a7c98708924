import type { Command } from "commander";

/** One command of the tree as completion sees it: its path, subcommands and flags. */
export type CompletionNode = {
  /** Words from the root, `pools list`; "" for the root. */
  readonly path: string;
  readonly summary: string;
  readonly subcommands: readonly { readonly name: string; readonly summary: string }[];
  readonly flags: readonly string[];
  /** Choices of a positional argument (`completion bash|zsh|fish`). */
  readonly choices: readonly string[];
};

/** Every command of the program, root first, with what can follow it. */
export function commandTree(root: Command): CompletionNode[] {
  const nodes: CompletionNode[] = [];
  const visit = (command: Command, path: string) => {
    // The root's options (--json, --profile, …) apply everywhere; --version only to the root.
    const inherited = command === root ? [] : root.options.filter((option) => option.long !== "--version");
    const flags = [...command.options, ...inherited]
      .flatMap((option) => [option.long, option.short])
      .filter((flag): flag is string => flag !== undefined);
    nodes.push({
      path,
      summary: command.summary() || command.description(),
      subcommands: command.commands.map((sub) => ({ name: sub.name(), summary: sub.summary() })),
      flags: [...new Set([...flags, "--help"])],
      choices: command.registeredArguments.flatMap((argument) => argument.argChoices ?? []),
    });
    for (const sub of command.commands) visit(sub, path === "" ? sub.name() : `${path} ${sub.name()}`);
  };
  visit(root, "");
  return nodes;
}

/** Flags that take a value: the word after one is never a subcommand. */
export function valueFlags(root: Command): string[] {
  const all: string[] = [];
  const visit = (command: Command) => {
    for (const option of command.options) {
      if (option.required || option.optional)
        all.push(...[option.long, option.short].filter((f): f is string => !!f));
    }
    command.commands.forEach(visit);
  };
  visit(root);
  return [...new Set(all)].sort();
}
