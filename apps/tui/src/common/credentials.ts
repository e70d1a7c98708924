/** Where a key or token came from, so advice about a refused one says what to fix. */
export type CredentialSource =
  | { readonly kind: "environment" }
  | { readonly kind: "profile"; readonly profile: string; readonly configPath: string }
  | { readonly kind: "sandbox" };

/** Where the v2 API key and the registry token came from. */
export type Credentials = { readonly v2: CredentialSource; readonly registry: CredentialSource };

export const FROM_ENVIRONMENT: Credentials = {
  v2: { kind: "environment" },
  registry: { kind: "environment" },
};

/**
 * Where each credential came from: the environment wins over the profile (as the settings
 * resolve them), and with neither there is the embedded sandbox.
 */
export function credentialsOf(
  settings: { readonly kind: "sandbox" } | { readonly kind: "remote"; readonly profile: string | undefined },
  env: NodeJS.ProcessEnv,
  configPath: string,
): Credentials {
  if (settings.kind === "sandbox") return { v2: { kind: "sandbox" }, registry: { kind: "sandbox" } };
  const source = (variable: string): CredentialSource =>
    env[variable]?.trim() || settings.profile === undefined
      ? { kind: "environment" }
      : { kind: "profile", profile: settings.profile, configPath };
  return { v2: source("ASTEROID_API_KEY"), registry: source("AGENT_REGISTRY_TOKEN") };
}
