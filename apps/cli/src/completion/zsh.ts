import type { Command } from "commander";
import { bashCompletion } from "./bash.ts";

/**
 * The zsh completion script: zsh's bashcompinit runs the bash one, so both shells complete the
 * same words. Load it with `source <(agentdeck completion zsh)`.
 */
export function zshCompletion(root: Command): string {
  return `#compdef agentdeck
# zsh completion for agentdeck. Load it with:  source <(agentdeck completion zsh)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(root).split("\n").slice(1).join("\n")}`;
}
