import type { Command } from "commander";
import { commandTree, valueFlags } from "./command-tree.ts";

const quote = (text: string) => `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;

/**
 * The fish completion script: `agentdeck completion fish | source`. `__agentdeck_path` finds the
 * command the words typed so far name; each completion applies where that path is its command's.
 */
export function fishCompletion(root: Command): string {
  const nodes = commandTree(root);
  const lines = [
    "# fish completion for agentdeck. Load it with:  agentdeck completion fish | source",
    `set -g __agentdeck_paths ${nodes.map((node) => quote(node.path)).join(" ")}`,
    `set -g __agentdeck_value_flags ${valueFlags(root).map(quote).join(" ")}`,
    "function __agentdeck_path",
    "    set -l words (commandline -opc)",
    "    set -l path ''",
    "    set -l skip 0",
    "    for word in $words[2..-1]",
    "        if test $skip = 1",
    "            set skip 0",
    "            continue",
    "        end",
    "        if contains -- $word $__agentdeck_value_flags",
    "            set skip 1",
    "            continue",
    "        end",
    "        string match -q -- '-*' $word; and continue",
    '        set -l next (string trim -- "$path $word")',
    "        contains -- $next $__agentdeck_paths; and set path $next",
    "    end",
    // Marked with <>, so the root is "<>" and never an empty word the test could lose.
    '    echo "<$path>"',
    "end",
    "complete -c agentdeck -f",
    "complete -c agentdeck -l profile -x -a '(agentdeck config list --quiet 2>/dev/null)'",
  ];
  for (const node of nodes) {
    const where = `-n ${quote(`test (__agentdeck_path) = ${quote(`<${node.path}>`)}`)}`;
    for (const sub of node.subcommands) {
      lines.push(`complete -c agentdeck ${where} -a ${quote(sub.name)} -d ${quote(sub.summary)}`);
    }
    for (const choice of node.choices) lines.push(`complete -c agentdeck ${where} -a ${quote(choice)}`);
    for (const flag of node.flags) {
      if (flag.startsWith("--")) lines.push(`complete -c agentdeck ${where} -l ${quote(flag.slice(2))}`);
      else lines.push(`complete -c agentdeck ${where} -s ${quote(flag.slice(1))}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
