import type { ConfigFile } from "./config.ts";

/** Where the UI gets its data: the embedded sandbox, or a real API with these credentials. */
export type Settings =
  | { readonly kind: "sandbox"; readonly warnings: readonly string[] }
  | {
      readonly kind: "remote";
      /** The profile the credentials came from, if any; shown in the status bar. */
      readonly profile: string | undefined;
      readonly apiKey: string;
      readonly baseUrl: string | undefined;
      readonly organizationId: string | undefined;
      readonly registry: { readonly token: string; readonly baseUrl: string | undefined } | undefined;
      readonly warnings: readonly string[];
    };

/** The requested profile is not in the config file, or cannot be used. */
export class ProfileError extends Error {
  override name = "ProfileError";
}

const nonEmpty = (value: string | undefined) =>
  value === undefined || value.trim() === "" ? undefined : value;

/**
 * Decides what to talk to. The profile is `--profile`, else `defaultProfile`; each environment
 * variable wins over the same field of the profile. With no API key anywhere, the sandbox.
 */
export function resolveSettings(env: NodeJS.ProcessEnv, config: ConfigFile, profileName?: string): Settings {
  const name = profileName ?? config.defaultProfile;
  const profile = name === undefined ? {} : config.profiles[name];
  if (profile === undefined) {
    const known = Object.keys(config.profiles);
    throw new ProfileError(
      `There is no profile named "${name}". ${known.length > 0 ? `Known profiles: ${known.join(", ")}.` : "The config file has no profiles."}`,
    );
  }
  const apiKey = nonEmpty(env.ASTEROID_API_KEY) ?? nonEmpty(profile.apiKey);
  const warnings: string[] = [];
  if (apiKey === undefined) {
    if (profileName !== undefined) {
      throw new ProfileError(`Profile "${profileName}" has no apiKey, and ASTEROID_API_KEY is not set.`);
    }
    if (nonEmpty(env.ASTEROID_BASE_URL) !== undefined) {
      warnings.push("ASTEROID_BASE_URL is set but ASTEROID_API_KEY is not: showing the embedded sandbox.");
    }
    return { kind: "sandbox", warnings };
  }
  const token = nonEmpty(env.AGENT_REGISTRY_TOKEN) ?? nonEmpty(profile.registryToken);
  const registryUrl = nonEmpty(env.AGENT_REGISTRY_URL) ?? nonEmpty(profile.registryUrl);
  return {
    kind: "remote",
    profile: name,
    apiKey,
    baseUrl: nonEmpty(env.ASTEROID_BASE_URL) ?? nonEmpty(profile.baseUrl),
    organizationId: nonEmpty(env.ASTEROID_ORGANIZATION_ID) ?? nonEmpty(profile.organizationId),
    registry: token === undefined ? undefined : { token, baseUrl: registryUrl },
    warnings,
  };
}

/**
 * The options of core's `createClient` for remote settings: the key, and the base URLs and the
 * registry only where they are set (so core's defaults apply otherwise).
 */
export function clientOptionsOf(settings: Extract<Settings, { kind: "remote" }>): {
  apiKey: string;
  baseUrl?: string;
  registry?: { token: string; baseUrl?: string };
} {
  const { registry } = settings;
  return {
    apiKey: settings.apiKey,
    ...(settings.baseUrl === undefined ? {} : { baseUrl: settings.baseUrl }),
    ...(registry === undefined
      ? {}
      : {
          registry: {
            token: registry.token,
            ...(registry.baseUrl === undefined ? {} : { baseUrl: registry.baseUrl }),
          },
        }),
  };
}
