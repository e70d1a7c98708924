import { tuiArguments } from "./tui-arguments.ts";

/**
 * The `agentdeck` process: the TUI when the command line is empty (or holds only
 * `--profile NAME` and `--journal FILE`), a
 * subcommand otherwise. Each path loads only what it needs, so `agentdeck pools list` never loads
 * Ink or React, and the TUI never loads the command parser.
 */
export async function main(argv: readonly string[]): Promise<never> {
  const forTui = tuiArguments(argv);
  let code: number;
  if (forTui !== undefined) {
    const { openTui } = await import("./commands/tui.ts");
    code = await openTui(forTui, (text) => process.stderr.write(text));
  } else {
    const [{ runCli }, { processIo }] = await Promise.all([
      import("./run-cli.ts"),
      import("./process-io.ts"),
    ]);
    code = await runCli(argv, processIo());
  }
  // Idle keep-alive sockets must not hold the process open once the command is done.
  process.exit(code);
}
