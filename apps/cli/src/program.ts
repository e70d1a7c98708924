import { Command, type CommanderError, Option } from "commander";
import type { CommandSpec, GroupSpec } from "./command-spec.ts";
import { COMMANDS } from "./commands/index.ts";
import { bashCompletion } from "./completion/bash.ts";
import { fishCompletion } from "./completion/fish.ts";
import { zshCompletion } from "./completion/zsh.ts";
import { EXIT, type ExitCode, exitCodeTable } from "./exit-codes.ts";
import type { CliIo } from "./io.ts";
import { Session, VERSION } from "./session.ts";

/** What a parsed command line did: its exit code, and the session that ran it (for redacted failures). */
export type Outcome = { code: ExitCode | undefined; session: Session | undefined };

/** A parse error of commander's, with the command it was about (for "run agentdeck pools get --help"). */
export class CommandLineError extends Error {
  override name = "CommandLineError";
  constructor(
    readonly error: CommanderError,
    readonly commandPath: string,
  ) {
    super(error.message);
  }
}

const ROOT_HELP = `
Run a subcommand to do one thing and exit with a code a script can branch on; run agentdeck alone
(or agentdeck tui) to open the terminal UI, on an embedded sandbox when no API key is configured.

Examples:
  $ agentdeck                                   # the terminal UI
  $ agentdeck pools list
  $ agentdeck run $AGENT --pool $POOL --input month=2025-01 --wait
  $ agentdeck executions list --status failed --all --json | jq -r .id
  $ source <(agentdeck completion bash)

Configuration (the TUI's too; environment variables win over the profile, --profile over the default):
  ASTEROID_API_KEY, ASTEROID_BASE_URL, ASTEROID_ORGANIZATION_ID   the Agents API
  AGENT_REGISTRY_TOKEN, AGENT_REGISTRY_URL                        the agent registry
  AGENTDECK_CONFIG                                                another config file (agentdeck config path)
  NO_COLOR                                                        no colour

Output: a table on a terminal, tab-separated lines in a pipe, JSON with --json (NDJSON with --all),
ids with --quiet. Errors are one line on stderr.

Exit codes:
${exitCodeTable()}`;

function sentence(summary: string): string {
  return `${summary.charAt(0).toUpperCase()}${summary.slice(1)}.`;
}

function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}`;
}

function pathOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

function globalsOf(command: Command): Session["options"] {
  const globals = command.optsWithGlobals() as {
    json?: boolean;
    quiet?: boolean;
    profile?: string;
    color?: boolean;
  };
  return {
    json: globals.json === true,
    quiet: globals.quiet === true,
    profile: globals.profile,
    color: globals.color !== false,
  };
}

function attach(parent: Command, spec: CommandSpec | GroupSpec, io: CliIo, outcome: Outcome): Command {
  const name = spec.kind === "group" ? spec.name : spec.usage;
  const command = parent.command(name).summary(spec.summary);
  command.exitOverride((error) => {
    throw new CommandLineError(error, pathOf(command));
  });
  if (spec.kind === "group") {
    command.description(sentence(spec.summary));
    for (const child of spec.children) attach(command, child, io, outcome);
    return command;
  }
  command.description(spec.description ?? sentence(spec.summary));
  spec.options?.(command);
  command.addHelpText("after", examples(spec.examples));
  command.action(async () => {
    const session = new Session(io, globalsOf(command));
    outcome.session = session;
    const args = (command.processedArgs as unknown[])
      .flat()
      .filter((a): a is string => typeof a === "string");
    outcome.code = (await spec.run(session, args, command.opts())) ?? EXIT.ok;
  });
  return command;
}

/** The `agentdeck` command line: every command, its help, and how parse errors surface. */
export function buildProgram(io: CliIo, outcome: Outcome): Command {
  const program = new Command("agentdeck")
    .description("agentdeck: browser agents on the Asteroid Agents API, from the command line.")
    .version(`agentdeck ${VERSION}`, "--version", "print the version")
    .option("--json", "print JSON (with --all: one JSON object a line)")
    .addOption(new Option("-q, --quiet", "print only ids, one a line").conflicts("json"))
    .option("--profile <name>", "use this profile of the config file")
    .option("--no-color", "no colour (also NO_COLOR, and whenever output is not a terminal)")
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      // Parse errors are written by runCli, as one line.
      outputError: () => {},
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getErrHelpWidth: () => io.stderr.columns ?? 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError(true)
    .exitOverride((error) => {
      throw new CommandLineError(error, "");
    })
    .addHelpText("after", ROOT_HELP);
  for (const spec of COMMANDS) attach(program, spec, io, outcome);
  const completion = program
    .command("completion")
    .summary("print the completion script of a shell")
    .description(
      "Print the completion script of a shell: it completes commands, flags, and profile names after --profile.",
    )
    .argument("<shell>", "bash, zsh or fish")
    .addHelpText(
      "after",
      examples([
        "source <(agentdeck completion bash)              # in ~/.bashrc",
        "source <(agentdeck completion zsh)               # in ~/.zshrc",
        "agentdeck completion fish | source               # in ~/.config/fish/config.fish",
      ]),
    );
  completion.registeredArguments[0]?.choices(["bash", "zsh", "fish"]);
  completion.exitOverride((error) => {
    throw new CommandLineError(error, "completion");
  });
  completion.action(async (shell: string) => {
    const script =
      shell === "bash"
        ? bashCompletion(program)
        : shell === "zsh"
          ? zshCompletion(program)
          : fishCompletion(program);
    await io.stdout.write(script);
    outcome.code = EXIT.ok;
  });
  return program;
}
