import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let configDirectory: string | undefined;

/** One temporary directory for every TUI of this run, removed when the run ends. */
function configDirectoryOfRun(): string {
  if (configDirectory === undefined) {
    const made = mkdtempSync(join(tmpdir(), "agentdeck-bench-"));
    process.once("exit", () => rmSync(made, { recursive: true, force: true }));
    configDirectory = made;
  }
  return configDirectory;
}

/**
 * The environment `agentdeck` gets: this sandbox's key and URL (or none, for the embedded
 * sandbox), a config file of its own in a temporary directory, and nothing from the caller's
 * profiles or registry settings.
 */
export function tuiEnv(
  sandbox: { agentsUrl: string; apiKey: string } | undefined,
): Record<string, string | undefined> {
  return {
    AGENTDECK_CONFIG: join(configDirectoryOfRun(), "config.json"),
    ASTEROID_API_KEY: sandbox?.apiKey,
    ASTEROID_BASE_URL: sandbox?.agentsUrl,
    ASTEROID_ORGANIZATION_ID: undefined,
    AGENT_REGISTRY_TOKEN: undefined,
    AGENT_REGISTRY_URL: undefined,
    AGENTDECK_LOG: undefined,
    NO_COLOR: undefined,
  };
}
