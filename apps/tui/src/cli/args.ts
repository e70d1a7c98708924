/** What the command line asked for. */
export type Args =
  | { readonly kind: "run"; readonly profile: string | undefined; readonly journal: string | undefined }
  | { readonly kind: "help" }
  | { readonly kind: "version" };

/** A command line this program does not understand; the message says what it does accept. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** What `agentdeck --help` prints; `configPath` is where the config file is (or would be). */
export function usage(configPath: string): string {
  return `Usage: agentdeck [--profile NAME] [--journal FILE]

A terminal UI for the Asteroid Agents API: browse pools, run agents, watch the runs.

With no API key it opens on an embedded sandbox. To use the real API, set
  ASTEROID_API_KEY            (and optionally ASTEROID_BASE_URL, ASTEROID_ORGANIZATION_ID)
  AGENT_REGISTRY_TOKEN        (and optionally AGENT_REGISTRY_URL) for the Registry tab
or name a profile of the config file with --profile (environment variables win).

The config file: ${configPath}
  (AGENTDECK_CONFIG names another; it holds "profiles" and a "defaultProfile")

Options:
  --profile NAME   use this profile of the config file (P switches inside the UI)
  --journal FILE   the batch journal the Batch tab shows (default: the most recently
                   changed journal in the current directory, as agentdeck batch finds it)
  -h, --help       show this help
  --version        show the version

Press ? inside the UI for the keys of where you are.`;
}

/** The value of option `name` at `argv[i]` (`--name value` or `--name=value`), and where the next argument is. */
function optionValue(argv: readonly string[], i: number, name: string, example: string) {
  const arg = argv[i] as string;
  const inline = arg.startsWith(`${name}=`);
  const value = inline ? arg.slice(name.length + 1) : argv[i + 1];
  if (value === undefined || value === "" || value.startsWith("-")) {
    throw new UsageError(`${name} needs ${example}`);
  }
  return { value, next: inline ? i : i + 1 };
}

/** Reads `argv` (without the node and script paths). */
export function parseArgs(argv: readonly string[]): Args {
  let profile: string | undefined;
  let journal: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "-h" || arg === "--help") return { kind: "help" };
    if (arg === "--version") return { kind: "version" };
    if (arg === "--profile" || arg.startsWith("--profile=")) {
      const read = optionValue(
        argv,
        i,
        "--profile",
        "the name of a profile, as in: agentdeck --profile work",
      );
      profile = read.value;
      i = read.next;
      continue;
    }
    if (arg === "--journal" || arg.startsWith("--journal=")) {
      const read = optionValue(
        argv,
        i,
        "--journal",
        "a batch journal file, as in: agentdeck --journal batch.sqlite",
      );
      journal = read.value;
      i = read.next;
      continue;
    }
    throw new UsageError(`Unknown argument "${arg}". Run agentdeck --help to see the options.`);
  }
  return { kind: "run", profile, journal };
}
