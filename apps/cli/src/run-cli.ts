import { ConfigError, PrivateFileError, ProfileError } from "@agentdeck/config";
import {
  DeclinedError,
  IncompleteDownloadError,
  MissingFileError,
  NoCredentialsError,
  UsageError,
} from "./cli-errors.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";
import type { Failure } from "./failure.ts";
import { type CliIo, InterruptedError } from "./io.ts";
import { sanitize } from "./output/sanitize.ts";
import { buildProgram, CommandLineError, type Outcome } from "./program.ts";

// Commander's messages are "error: unknown command 'pols'\n(Did you mean pools?)": one line, no prefix.
function commandLineMessage(error: CommandLineError): string {
  const text = error.message
    .replace(/^error: /, "")
    .replace(/\s*\n\s*/g, " ")
    .replace(/\.$/, "");
  const command = error.commandPath === "" ? "agentdeck" : `agentdeck ${error.commandPath}`;
  return `${text}. Run ${command} --help for the usage.`;
}

async function describe(error: unknown): Promise<Failure | undefined> {
  if (error instanceof CommandLineError) {
    const { code } = error.error;
    if (code === "commander.helpDisplayed" || code === "commander.version" || code === "commander.help") {
      return error.error.exitCode === 0 ? undefined : { code: EXIT.usage, message: "" };
    }
    return { code: EXIT.usage, message: commandLineMessage(error) };
  }
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof ProfileError) {
    return { code: EXIT.usage, message: error.message };
  }
  if (error instanceof PrivateFileError) return { code: EXIT.usage, message: error.message };
  if (error instanceof NoCredentialsError) return { code: EXIT.auth, message: error.message };
  if (error instanceof InterruptedError) return { code: EXIT.interrupted, message: "interrupted." };
  if (error instanceof DeclinedError) return { code: EXIT.error, message: error.message };
  if (error instanceof MissingFileError) return { code: EXIT.notFound, message: error.message };
  if (error instanceof IncompleteDownloadError) return { code: EXIT.unavailable, message: error.message };
  const { describeApiFailure } = await import("./failure.ts");
  return describeApiFailure(error);
}

/**
 * Runs one `agentdeck` subcommand line (`argv` without the program name) with `io`, and resolves
 * with the exit code. A failure is written to stderr as one line that says what to do; nothing
 * written ever holds a configured key or token.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const outcome: Outcome = { code: undefined, session: undefined };
  try {
    await buildProgram(io, outcome).parseAsync([...argv], { from: "user" });
    return outcome.code ?? EXIT.ok;
  } catch (error) {
    const failure = await describe(error);
    if (failure === undefined) return EXIT.ok;
    if (failure.message !== "") {
      if (outcome.session) await outcome.session.out.fail(failure.message);
      else await io.stderr.write(`agentdeck: ${sanitize(failure.message)}\n`);
    }
    return failure.code;
  }
}
