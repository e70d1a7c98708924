import type { Command } from "commander";
import { commandTree, valueFlags } from "./command-tree.ts";

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * The bash completion script: `source <(agentdeck completion bash)`. It walks the words typed so
 * far to find the command they name (skipping flags and the values of flags that take one), then
 * offers that command's subcommands (or its flags, once a `-` is typed); after --profile, the profiles of the config file.
 */
export function bashCompletion(root: Command): string {
  const nodes = commandTree(root);
  const paths = nodes.map((node) => quote(node.path)).join(" ");
  const cases = nodes
    .map((node) => {
      const words = [...node.subcommands.map((s) => s.name), ...node.choices].join(" ");
      return `    ${quote(node.path)}) words=${quote(words)} flags=${quote(node.flags.join(" "))} ;;`;
    })
    .join("\n");
  const skip = valueFlags(root).join("|");
  return `# bash completion for agentdeck. Load it with:  source <(agentdeck completion bash)
_agentdeck() {
  # Slices, not subscripts: they count from 0 in zsh (under bashcompinit) as in bash.
  local cur="\${COMP_WORDS[@]:$COMP_CWORD:1}" prev="\${COMP_WORDS[@]:$((COMP_CWORD - 1)):1}"
  local path="" words="" flags="" i word next known
  local -a paths=(${paths})
  if [[ "$prev" == "--profile" ]]; then
    COMPREPLY=($(compgen -W "$(agentdeck config list --quiet 2>/dev/null)" -- "$cur"))
    return
  fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[@]:$i:1}"
    case "$word" in
      ${skip}) ((i++)); continue ;;
      -*) continue ;;
    esac
    next="\${path:+$path }$word"
    for known in "\${paths[@]}"; do
      if [[ "$known" == "$next" ]]; then path="$next"; break; fi
    done
  done
  case "$path" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then words="$flags"; fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _agentdeck agentdeck
`;
}
