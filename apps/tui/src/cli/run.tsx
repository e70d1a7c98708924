import { ConfigError, configPath, loadConfig, ProfileError, resolveSettings } from "@agentdeck/config";
import type { UserContext } from "@agentdeck/core";
import manifest from "../../package.json" with { type: "json" };
import { errorMessage } from "../common/errorMessage.ts";
import { colourDisabled, themeFor } from "../common/theme.ts";
import type { OpeningPage } from "../screens/resource.ts";
import { parseArgs, UsageError, usage } from "./args.ts";
import { copyToClipboard } from "./clipboard.ts";
import { connect } from "./connect.ts";
import { DebugLogError, redirectDebugLog } from "./debugLog.ts";
import { fetchOpeningPage } from "./openingPage.ts";

/** The longest the first frame waits for the first page after the UI has loaded. */
const FIRST_FRAME_WAIT_MS = 250;

const NO_TERMINAL =
  "agentdeck is an interactive terminal UI: run it in a terminal (stdin and stdout must both be a TTY, not a pipe or a file).\n";

/**
 * Runs the TUI as the `agentdeck` command does: reads `argv` (`--profile`, `--journal`, `--help`, `--version`),
 * the config file and the environment, draws until the user quits, and resolves with the exit code.
 * Errors that the user can fix (usage, config, profile, debug log) reject with their own classes.
 */
export async function runTui(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const path = configPath();
  if (args.kind === "help") {
    process.stdout.write(`${usage(path)}\n`);
    return 0;
  }
  if (args.kind === "version") {
    process.stdout.write(`agentdeck ${manifest.version}\n`);
    return 0;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(NO_TERMINAL);
    return 2;
  }
  const env = process.env;
  const { config, warnings } = await loadConfig(path);
  const debugLog = redirectDebugLog(env);
  if (debugLog)
    warnings.push(`AGENTDECK_LOG=debug: requests are logged to ${debugLog.path}.`, ...debugLog.warnings);
  const settings = resolveSettings(env, config, args.profile);
  const origin = { env, configPath: path };
  const backend = await connect(settings, origin);
  // The first requests go out before Ink and the screens load (they are only loaded now, so
  // --help, --version and the no-terminal message answer at once): `GET /context`, and the first
  // page of the tab the app opens on beside it.
  const context = backend.client.context.get();
  context.catch(() => {}); // App reports a failure; until it subscribes, this keeps Node quiet.
  const opening = fetchOpeningPage(backend.client, backend.organizationId, context);
  const ready: { context?: UserContext; opening?: OpeningPage<{ id: string }> } = {};
  const arrived = Promise.allSettled([
    context.then((value) => (ready.context = value)),
    opening.then((value) => (ready.opening = value)),
  ]);
  const ui = Promise.all([import("ink"), import("../shell/App.tsx")]);
  const [{ render }, { App }] = await ui;
  // A first frame with the list in it is worth a short wait: drawn without it, it would be drawn
  // again at once. A server slower than that gets a frame saying it is loading.
  await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS).unref())]);
  let closing = backend.close;
  try {
    const instance = render(
      <App
        {...backend}
        journal={args.journal}
        context={context}
        initialContext={ready.context}
        opening={ready.opening}
        warnings={[...warnings, ...(backend.warnings ?? [])]}
        theme={themeFor({ colour: !colourDisabled(env) })}
        copy={(text) => copyToClipboard(text)}
        profiles={{
          names: Object.keys(config.profiles),
          current: settings.kind === "remote" ? settings.profile : undefined,
          open: async (name) => {
            const next = await connect(resolveSettings(env, config, name), origin);
            closing = next.close;
            return next;
          },
        }}
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
    await closing?.();
  }
  return 0;
}

/** `agentdeck [args]`: runs the TUI and exits with its code, printing a failure as one line. */
export function runTuiCommand(argv: readonly string[]): void {
  runTui(argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const expected =
        error instanceof UsageError ||
        error instanceof ConfigError ||
        error instanceof ProfileError ||
        error instanceof DebugLogError;
      process.stderr.write(`agentdeck: ${expected ? (error as Error).message : errorMessage(error).text}\n`);
      process.exit(2);
    },
  );
}
