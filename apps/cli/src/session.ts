import type { Settings } from "@agentdeck/config";
import type { Client } from "@agentdeck/core";
import manifest from "../package.json" with { type: "json" };
import { NoCredentialsError, UsageError } from "./cli-errors.ts";
import type { CliIo } from "./io.ts";
import { colourWanted, painter } from "./output/colour.ts";
import { Printer } from "./output/printer.ts";

/** The options every command takes (`agentdeck --help` lists them). */
export type GlobalOptions = {
  readonly json: boolean;
  readonly quiet: boolean;
  readonly profile: string | undefined;
  readonly color: boolean;
};

type Remote = Extract<Settings, { kind: "remote" }>;

/** The version of this package, which `--version` prints and the User-Agent carries. */
export const VERSION: string = manifest.version;

// Secrets shorter than this are not searched for in output: replacing every "ab" would garble it.
const MIN_SECRET_LENGTH = 6;

function redactorOf(secrets: readonly (string | undefined)[]): (text: string) => string {
  const needles = secrets
    .filter((s): s is string => s !== undefined && s.length >= MIN_SECRET_LENGTH)
    .flatMap((s) => [s, encodeURIComponent(s)])
    .sort((a, b) => b.length - a.length);
  return (text) => needles.reduce((out, needle) => out.replaceAll(needle, "[redacted]"), text);
}

/**
 * One run of a command: its io and options, the printer, and the client, built on first use from
 * the same settings as the TUI's (environment, then --profile, then the config file's default).
 */
export class Session {
  readonly out: Printer;
  private remote: Promise<Remote> | undefined;
  private built: Promise<Client> | undefined;

  constructor(
    readonly io: CliIo,
    readonly options: GlobalOptions,
  ) {
    const mode = options.json ? "json" : options.quiet ? "quiet" : "table";
    this.out = new Printer(
      io.stdout,
      io.stderr,
      mode,
      painter(colourWanted(io.env, io.stdout.isTTY, options.color)),
    );
  }

  /** Aborts on Ctrl-C; every request of a command carries it. */
  get signal(): AbortSignal {
    return this.io.interrupt;
  }

  /** Where the config file is. */
  async configPath(): Promise<string> {
    const { configPath } = await import("@agentdeck/config");
    return configPath(this.io.env);
  }

  /** The credentials and endpoints to use; fails with the authentication exit code when there is no key. */
  settings(): Promise<Remote> {
    this.remote ??= (async () => {
      const { loadConfig, resolveSettings } = await import("@agentdeck/config");
      const { config, warnings } = await loadConfig(await this.configPath());
      const settings = resolveSettings(this.io.env, config, this.options.profile);
      for (const warning of [...warnings, ...settings.warnings]) await this.out.warn(warning);
      if (settings.kind === "sandbox") throw new NoCredentialsError("v2");
      this.out.hideSecrets(redactorOf([settings.apiKey, settings.registry?.token]));
      return settings;
    })();
    return this.remote;
  }

  /** The client for the configured API. */
  client(): Promise<Client> {
    this.built ??= (async () => {
      const settings = await this.settings();
      const [{ createClient }, { clientOptionsOf }] = await Promise.all([
        import("@agentdeck/core"),
        import("@agentdeck/config"),
      ]);
      return createClient({ ...clientOptionsOf(settings), userAgent: `agentdeck-cli/${VERSION}` });
    })();
    return this.built;
  }

  /** `client.registry.agents`, when a registry token is configured. */
  async registry(): Promise<Client["registry"]["agents"]> {
    const settings = await this.settings();
    if (settings.registry === undefined) throw new NoCredentialsError("registry");
    return (await this.client()).registry.agents;
  }

  /** The organization a list is scoped to: `--org`, else the configured one, else the server's default. */
  async organization(explicit: string | undefined): Promise<string | undefined> {
    return explicit ?? (await this.settings()).organizationId;
  }

  /**
   * The organization something is created in: `--org`, else the configured one, else the key's only
   * organization. With several and none chosen, it asks which rather than guess.
   */
  async requireOrganization(explicit: string | undefined): Promise<string> {
    const known = await this.organization(explicit);
    if (known !== undefined) return known;
    const client = await this.client();
    const { organizations } = await client.context.get({ signal: this.signal });
    const [only, ...others] = organizations;
    if (only !== undefined && others.length === 0) return only.id;
    if (only === undefined) throw new UsageError("the API key belongs to no organization: pass --org ID.");
    throw new UsageError(
      `the API key belongs to ${organizations.length} organizations: choose one with --org or ASTEROID_ORGANIZATION_ID (agentdeck context lists them).`,
    );
  }
}
