import { readFileSync } from "node:fs";
import { ConfigError, configPath, loadConfig, ProfileError, resolveSettings } from "@agentdeck/config";
import { parseArgs, USAGE, UsageError } from "./args.ts";
import { connect } from "./connect.ts";
import { redirectDebugLog } from "./debugLog.ts";
import { errorMessage } from "./errorMessage.ts";
import { colourDisabled, themeFor } from "./theme.ts";

const NO_TERMINAL =
  "agentdeck is an interactive terminal UI: run it in a terminal (stdin and stdout must both be a TTY, not a pipe or a file).\n";

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

/**
 * Runs the TUI as the `agentdeck` command does: reads `argv` (`--profile`, `--help`, `--version`),
 * the config file and the environment, draws until the user quits, and resolves with the exit code.
 * Errors that the user can fix (usage, config, profile) reject with their own classes.
 */
export async function runTui(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.kind === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.kind === "version") {
    process.stdout.write(`agentdeck ${version()}\n`);
    return 0;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(NO_TERMINAL);
    return 2;
  }
  const { config, warnings } = await loadConfig(configPath());
  const debugLog = redirectDebugLog(process.env);
  if (debugLog) warnings.push(`AGENTDECK_LOG=debug: requests are logged to ${debugLog}.`);
  const settings = resolveSettings(process.env, config, args.profile);
  // Loaded only now, so --help, --version and the no-terminal message answer at once. The first
  // request goes out while Ink loads, so the organization is known by the first frame.
  const ui = Promise.all([import("ink"), import("./App.tsx")]);
  const connection = await connect(settings);
  const context = connection.client.context.get();
  context.catch(() => {}); // App reports a failure; until it subscribes, this keeps Node quiet.
  const [{ render }, { App }] = await ui;
  try {
    const instance = render(
      <App
        client={connection.client}
        environment={connection.environment}
        organizationId={connection.organizationId}
        registry={connection.registry}
        context={context}
        theme={themeFor({ colour: !colourDisabled(process.env) })}
        warnings={[...warnings, ...settings.warnings]}
      />,
      {
        // The terminal is known to be one (checked above), so CI detection must not turn input off.
        interactive: true,
        alternateScreen: true,
        incrementalRendering: true,
        maxFps: 60,
        exitOnCtrlC: true,
        // Ink would draw console output over the frame; with the debug log on, it goes to the file.
        patchConsole: debugLog === undefined,
      },
    );
    await instance.waitUntilExit();
  } finally {
    await connection.close();
  }
  return 0;
}

/** `agentdeck [args]`: runs the TUI and exits with its code, printing a failure as one line. */
export function runTuiCommand(argv: readonly string[]): void {
  runTui(argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const expected =
        error instanceof UsageError || error instanceof ConfigError || error instanceof ProfileError;
      process.stderr.write(`agentdeck: ${expected ? (error as Error).message : errorMessage(error).text}\n`);
      process.exit(2);
    },
  );
}
