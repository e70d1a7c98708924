/**
 * The arguments to hand the TUI when the command line asks for it: nothing, or only `--profile NAME`.
 * Anything else is a subcommand (or a mistake) for the command parser.
 */
export function tuiArguments(argv: readonly string[]): string[] | undefined {
  if (argv.length === 0) return [];
  if (argv.length === 1 && argv[0]?.startsWith("--profile=")) return [...argv];
  if (argv.length === 2 && argv[0] === "--profile" && !argv[1]?.startsWith("-")) return [...argv];
  return undefined;
}
