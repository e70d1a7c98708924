/** What the command line asked for. */
export type Args =
  | { readonly kind: "run"; readonly profile: string | undefined }
  | { readonly kind: "help" }
  | { readonly kind: "version" };

/** A command line this program does not understand; the message says what it does accept. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** What `agentdeck --help` prints; `configPath` is where the config file is (or would be). */
export function usage(configPath: string): string {
  return `Usage: agentdeck [--profile NAME]

A terminal UI for the Asteroid Agents API: browse pools, run agents, watch the runs.

With no API key it opens on an embedded sandbox. To use the real API, set
  ASTEROID_API_KEY            (and optionally ASTEROID_BASE_URL, ASTEROID_ORGANIZATION_ID)
  AGENT_REGISTRY_TOKEN        (and optionally AGENT_REGISTRY_URL) for the Registry tab
or name a profile of the config file with --profile (environment variables win).

The config file: ${configPath}
  (AGENTDECK_CONFIG names another; it holds "profiles" and a "defaultProfile")

Options:
  --profile NAME   use this profile of the config file (P switches inside the UI)
  -h, --help       show this help
  --version        show the version

Press ? inside the UI for the keys of where you are.`;
}

/** Reads `argv` (without the node and script paths). */
export function parseArgs(argv: readonly string[]): Args {
  let profile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "-h" || arg === "--help") return { kind: "help" };
    if (arg === "--version") return { kind: "version" };
    if (arg === "--profile" || arg.startsWith("--profile=")) {
      const value = arg === "--profile" ? argv[++i] : arg.slice("--profile=".length);
      if (value === undefined || value === "" || value.startsWith("-")) {
        throw new UsageError("--profile needs the name of a profile, as in: agentdeck --profile work");
      }
      profile = value;
      continue;
    }
    throw new UsageError(`Unknown argument "${arg}". Run agentdeck --help to see the options.`);
  }
  return { kind: "run", profile };
}
