#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { render } from "ink";
import { App } from "./App.tsx";
import { parseArgs, USAGE, UsageError } from "./args.ts";
import { ConfigError, configPath, loadConfig } from "./config.ts";
import { connect } from "./connect.ts";
import { errorMessage } from "./errorMessage.ts";
import { ProfileError, resolveSettings } from "./settings.ts";
import { colourDisabled, themeFor } from "./theme.ts";

const NO_TERMINAL =
  "agentdeck is an interactive terminal UI: run it in a terminal (stdin and stdout must both be a TTY, not a pipe or a file).\n";

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

async function main(argv: readonly string[]): Promise<number> {
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
  const settings = resolveSettings(process.env, config, args.profile);
  const connection = await connect(settings);
  try {
    const instance = render(
      <App
        client={connection.client}
        environment={connection.environment}
        organizationId={connection.organizationId}
        registry={connection.registry}
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
      },
    );
    await instance.waitUntilExit();
  } finally {
    await connection.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const expected =
      error instanceof UsageError || error instanceof ConfigError || error instanceof ProfileError;
    process.stderr.write(`agentdeck: ${expected ? (error as Error).message : errorMessage(error).text}\n`);
    process.exit(2);
  },
);
