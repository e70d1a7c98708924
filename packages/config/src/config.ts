import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import envPaths from "env-paths";
import {
  createPrivateFile,
  directoryWarnings,
  PrivateFileError,
  readPrivateFile,
  writePrivateFile,
} from "./private-file.ts";

/** The fields a profile may have, in the order they are shown. */
export const PROFILE_FIELDS = [
  "apiKey",
  "baseUrl",
  "organizationId",
  "registryToken",
  "registryUrl",
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** The fields that hold a credential: never printed, only said to be set. */
export const SECRET_FIELDS: readonly ProfileField[] = ["apiKey", "registryToken"];

/** One named set of credentials and endpoints in the config file. */
export type Profile = { readonly [F in ProfileField]?: string };

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

/** Where the config file lives: `$AGENTDECK_CONFIG`, else `config.json` in the user's config directory. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AGENTDECK_CONFIG) return env.AGENTDECK_CONFIG;
  return join(envPaths("agentdeck", { suffix: "" }).config, "config.json");
}

/** Checks the parsed JSON of a config file; the messages say which field is wrong. */
export function parseConfig(json: unknown, path: string): ConfigFile {
  // Names are quoted so the user can find them, escaped and clipped so a stray file cannot flood the message.
  const quote = (name: string) => JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}…` : name);
  const fail = (what: string) => new ConfigError(`${path}: ${what}`, path);
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw fail("must hold a JSON object");
  const { profiles = {}, defaultProfile } = json as Record<string, unknown>;
  if (typeof profiles !== "object" || profiles === null || Array.isArray(profiles)) {
    throw fail('"profiles" must be an object of named profiles');
  }
  const checked: Record<string, Profile> = {};
  for (const [name, profile] of Object.entries(profiles)) {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile)) {
      throw fail(`profile ${quote(name)} must be an object`);
    }
    for (const [field, value] of Object.entries(profile)) {
      if (!(PROFILE_FIELDS as readonly string[]).includes(field)) {
        throw fail(
          `profile ${quote(name)} has an unknown field ${quote(field)} (known: ${PROFILE_FIELDS.join(", ")})`,
        );
      }
      if (typeof value !== "string") throw fail(`profile ${quote(name)}: ${quote(field)} must be a string`);
    }
    checked[name] = profile as Profile;
  }
  if (defaultProfile !== undefined && defaultProfile !== null && typeof defaultProfile !== "string") {
    throw fail('"defaultProfile" must be the name of a profile');
  }
  if (typeof defaultProfile === "string" && !(defaultProfile in checked)) {
    throw fail(`"defaultProfile" names ${quote(defaultProfile)}, which is not among the profiles`);
  }
  return typeof defaultProfile === "string" ? { profiles: checked, defaultProfile } : { profiles: checked };
}

/** The largest config file read; profiles are a few hundred bytes each. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Where a JSON syntax error is, without the text around it (the file may not be ours to quote). */
function jsonErrorPlace(error: unknown): string {
  const place = /\(line (\d+) column (\d+)\)/.exec(error instanceof Error ? error.message : "");
  return place ? ` (line ${place[1]}, column ${place[2]})` : "";
}

/**
 * Reads the config file, creating an empty one (mode 0600, in a 0700 directory) when there is none.
 * It is never read through a symbolic link, must be a regular file, and is tightened to 0600 when
 * other users could read it. `warnings` says so, and when others can write to its directory. No
 * error quotes the file's contents.
 */
export async function loadConfig(path: string): Promise<{ config: ConfigFile; warnings: string[] }> {
  let read: Awaited<ReturnType<typeof readPrivateFile>>;
  try {
    read = await readPrivateFile(path, MAX_CONFIG_BYTES);
  } catch (error) {
    throw error instanceof PrivateFileError ? new ConfigError(error.message, path) : error;
  }
  if (read === undefined) {
    await createConfig(path);
    return { config: { profiles: {} }, warnings: await directoryWarnings(dirname(path)) };
  }
  const warnings = [...(await directoryWarnings(dirname(path))), ...read.warnings];
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    throw new ConfigError(
      `${path} is not valid JSON${jsonErrorPlace(error)}: fix it, or delete it to start with an empty one.`,
      path,
    );
  }
  return { config: parseConfig(json, path), warnings };
}

/** The config file's text: two-space JSON, `defaultProfile` always present (null when unset). */
export function serializeConfig(config: ConfigFile): string {
  return `${JSON.stringify({ profiles: config.profiles, defaultProfile: config.defaultProfile ?? null }, null, 2)}\n`;
}

/**
 * Writes the config file atomically with mode 0600 (see `writePrivateFile`), after checking it as
 * `loadConfig` would, so a file agentdeck writes always loads.
 */
export async function saveConfig(path: string, config: ConfigFile): Promise<void> {
  const checked = parseConfig(JSON.parse(serializeConfig(config)), path);
  try {
    await writePrivateFile(path, serializeConfig(checked));
  } catch (error) {
    throw error instanceof PrivateFileError ? new ConfigError(error.message, path) : error;
  }
}

/** Reads the config file, applies `change` and writes the result back; resolves with what was written. */
export async function updateConfig(
  path: string,
  change: (config: ConfigFile) => ConfigFile,
): Promise<ConfigFile> {
  const { config } = await loadConfig(path);
  const next = change(config);
  await saveConfig(path, next);
  return next;
}

async function createConfig(path: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await createPrivateFile(path, serializeConfig({ profiles: {} }));
  } catch {
    // A read-only home is no reason not to start: there is simply no config file yet.
  }
}
