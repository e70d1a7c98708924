/** The options `agentdeck` alone hands the TUI, each `--name VALUE` or `--name=VALUE`. */
const TUI_OPTIONS = ["--profile", "--journal"];

/**
 * The arguments to hand the TUI when the command line asks for it: nothing, or only the TUI's own
 * options (`--profile NAME`, `--journal FILE`). Anything else is a subcommand (or a mistake) for the
 * command parser.
 */
export function tuiArguments(argv: readonly string[]): string[] | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (TUI_OPTIONS.some((name) => arg.startsWith(`${name}=`))) continue;
    if (!TUI_OPTIONS.includes(arg) || argv[i + 1] === undefined || argv[i + 1]?.startsWith("-")) {
      return undefined;
    }
    i++;
  }
  return [...argv];
}
