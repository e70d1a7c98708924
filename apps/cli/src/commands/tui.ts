import { ConfigError, ProfileError } from "@agentdeck/config";
import { command } from "../command-spec.ts";
import { EXIT, type ExitCode } from "../exit-codes.ts";

/**
 * Opens the TUI (`agentdeck` alone or with only the TUI's options, or `agentdeck tui`) and resolves with its exit code once it is
 * closed. It is imported only here, so no other command loads Ink or React.
 */
export async function openTui(
  argv: readonly string[],
  writeError: (text: string) => unknown,
): Promise<number> {
  const { runTui } = await import("@agentdeck/tui");
  try {
    return await runTui(argv);
  } catch (error) {
    const expected =
      error instanceof ConfigError ||
      error instanceof ProfileError ||
      (error as Error | undefined)?.name === "UsageError";
    await writeError(`agentdeck: ${error instanceof Error ? error.message : String(error)}\n`);
    return expected ? EXIT.usage : EXIT.error;
  }
}

/** `agentdeck tui` */
export const tui = command({
  usage: "tui",
  summary: "open the terminal UI (what agentdeck alone does)",
  description:
    "Open the terminal UI: browse pools, run agents, watch the runs. With no API key configured it opens on an embedded sandbox with demo data. Press ? inside for every key.",
  examples: [
    "agentdeck tui",
    "agentdeck tui --profile work",
    "agentdeck --profile work   # the same",
    "agentdeck tui --journal june.sqlite   # that batch in the Batch tab",
  ],
  options: (c) =>
    c.option(
      "--journal <file>",
      "the batch journal the Batch tab shows (default: the most recent one in the current directory)",
    ),
  async run(session, _args, options) {
    const profile = session.options.profile;
    const journal = options.journal as string | undefined;
    const argv = [
      ...(profile === undefined ? [] : ["--profile", profile]),
      ...(journal === undefined ? [] : ["--journal", journal]),
    ];
    return (await openTui(argv, (text) => session.io.stderr.write(text))) as ExitCode;
  },
});
