import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bufferedIo, runCli } from "@agentdeck/cli";
import { CONSUMER_API_KEY, CONSUMER_REGISTRY_TOKEN } from "./credentials.ts";

/** The consumer of the pacts the `agentdeck` command writes. */
export const CLI_CONSUMER = "agentdeck-cli";

/**
 * Runs an `agentdeck` command line in-process, exactly as the binary does, against a Pact mock
 * server (v2 at its root, the registry under `/api/v1`), with a config file of its own that the run
 * leaves behind nowhere. Resolves with the exit code and what it printed.
 */
export async function agentdeckAgainst(
  mockServerUrl: string,
  argv: readonly string[],
  credentials: { apiKey?: string; registryToken?: string } = {},
): Promise<{ code: number; out: string; err: string }> {
  const home = mkdtempSync(join(tmpdir(), "agentdeck-cli-pact-"));
  const io = bufferedIo({
    env: {
      ASTEROID_API_KEY: credentials.apiKey ?? CONSUMER_API_KEY,
      ASTEROID_BASE_URL: mockServerUrl,
      AGENT_REGISTRY_TOKEN: credentials.registryToken ?? CONSUMER_REGISTRY_TOKEN,
      AGENT_REGISTRY_URL: `${mockServerUrl}/api/v1`,
      AGENTDECK_CONFIG: join(home, "config.json"),
    },
  });
  try {
    const code = await runCli(argv, io);
    return { code, out: io.out(), err: io.err() };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
