#!/usr/bin/env node
import { CliUsageError, parseCliArgs, USAGE } from "./cli-options.ts";
import { startSandbox } from "./sandbox.ts";

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`agentdeck-sandbox: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    return;
  }

  const started = performance.now();
  const sandbox = await startSandbox(parsed.options).catch((error: NodeJS.ErrnoException) => {
    const port = parsed.help ? undefined : parsed.options.port;
    const reason =
      error.code === "EADDRINUSE"
        ? `port ${port} is in use; choose another with --port (0 picks a free one)`
        : error.message;
    process.stderr.write(`agentdeck-sandbox: could not start: ${reason}\n`);
    process.exit(1);
  });
  process.stdout.write(
    [
      `url: ${sandbox.url}`,
      `agents-url: ${sandbox.agentsUrl}`,
      `registry-url: ${sandbox.registryUrl}`,
      `api-key: ${sandbox.apiKey}`,
      `registry-token: ${sandbox.registryToken}`,
      `organization-id: ${sandbox.organizationId}`,
      `startup-ms: ${Math.round(performance.now() - started)}`,
      "",
    ].join("\n"),
  );

  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await main();
