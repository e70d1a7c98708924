import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import envPaths from "env-paths";

/** One named set of credentials and endpoints in the config file. */
export type Profile = {
  readonly apiKey?: string;
  readonly baseUrl?: string;
  readonly organizationId?: string;
  readonly registryToken?: string;
  readonly registryUrl?: string;
};

/** The config file: named profiles and the one used when `--profile` is not given. */
export type ConfigFile = {
  readonly profiles: Readonly<Record<string, Profile>>;
  readonly defaultProfile?: string;
};

/** The config file could not be read or does not have the expected shape. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

const PROFILE_FIELDS = ["apiKey", "baseUrl", "organizationId", "registryToken", "registryUrl"] as const;

const TEMPLATE = `${JSON.stringify({ profiles: {}, defaultProfile: null }, null, 2)}\n`;

/** Where the config file lives: `$AGENTDECK_CONFIG`, else `config.json` in the user's config directory. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AGENTDECK_CONFIG) return env.AGENTDECK_CONFIG;
  return join(envPaths("agentdeck", { suffix: "" }).config, "config.json");
}

/** Checks the parsed JSON of a config file; the messages say which field is wrong. */
export function parseConfig(json: unknown, path: string): ConfigFile {
  const fail = (what: string) => new ConfigError(`${path}: ${what}`, path);
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw fail("must hold a JSON object");
  const { profiles = {}, defaultProfile } = json as Record<string, unknown>;
  if (typeof profiles !== "object" || profiles === null || Array.isArray(profiles)) {
    throw fail('"profiles" must be an object of named profiles');
  }
  const checked: Record<string, Profile> = {};
  for (const [name, profile] of Object.entries(profiles)) {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile)) {
      throw fail(`profile "${name}" must be an object`);
    }
    for (const [field, value] of Object.entries(profile)) {
      if (!(PROFILE_FIELDS as readonly string[]).includes(field)) {
        throw fail(`profile "${name}" has an unknown field "${field}" (known: ${PROFILE_FIELDS.join(", ")})`);
      }
      if (typeof value !== "string") throw fail(`profile "${name}": "${field}" must be a string`);
    }
    checked[name] = profile as Profile;
  }
  if (defaultProfile !== undefined && defaultProfile !== null && typeof defaultProfile !== "string") {
    throw fail('"defaultProfile" must be the name of a profile');
  }
  if (typeof defaultProfile === "string" && !(defaultProfile in checked)) {
    throw fail(`"defaultProfile" names "${defaultProfile}", which is not among the profiles`);
  }
  return typeof defaultProfile === "string" ? { profiles: checked, defaultProfile } : { profiles: checked };
}

/**
 * Reads the config file, creating an empty one (mode 0600, in a 0700 directory) when there is none.
 * `warnings` says when the file can be read by other users, since it may hold keys.
 */
export async function loadConfig(path: string): Promise<{ config: ConfigFile; warnings: string[] }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new ConfigError(`${path} could not be read: ${(error as Error).message}`, path);
    }
    await createConfig(path);
    return { config: { profiles: {} }, warnings: [] };
  }
  const warnings: string[] = [];
  const { mode } = await stat(path);
  if ((mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8);
    warnings.push(
      `${path} can be read by other users (mode ${octal}) and may hold keys: run chmod 600 ${path}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`, path);
  }
  return { config: parseConfig(json, path), warnings };
}

async function createConfig(path: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(path, TEMPLATE, { mode: 0o600, flag: "wx" });
    // The umask may have taken bits away from `mode`, never added them; make it exact anyway.
    await chmod(path, 0o600);
  } catch {
    // A read-only home is no reason not to start: there is simply no config file yet.
  }
}
