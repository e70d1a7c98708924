import { describe, expect, test } from "vitest";
import { clientOptionsOf, ProfileError, resolveSettings } from "./settings.ts";

const config = {
  profiles: {
    work: {
      apiKey: "profile-key",
      baseUrl: "https://work.example/agents/v2",
      organizationId: "11111111-1111-4111-8111-111111111111",
      registryToken: "profile-token",
      registryUrl: "https://registry.example/api/v1",
    },
    partial: { baseUrl: "https://partial.example" },
  },
  defaultProfile: "work",
};

describe("resolveSettings", () => {
  test("uses the embedded sandbox when no key is set anywhere", () => {
    expect(resolveSettings({}, { profiles: {} })).toEqual({ kind: "sandbox", warnings: [] });
  });

  test("says that a base URL without a key is ignored", () => {
    const settings = resolveSettings({ ASTEROID_BASE_URL: "https://x" }, { profiles: {} });
    expect(settings.warnings.join()).toContain("ASTEROID_API_KEY is not");
  });

  test("talks to the API named by the environment", () => {
    const settings = resolveSettings(
      {
        ASTEROID_API_KEY: "env-key",
        ASTEROID_BASE_URL: "https://env.example/agents/v2",
        AGENT_REGISTRY_TOKEN: "env-token",
        AGENT_REGISTRY_URL: "https://env-registry.example/api/v1",
      },
      { profiles: {} },
    );
    expect(settings).toMatchObject({
      kind: "remote",
      apiKey: "env-key",
      baseUrl: "https://env.example/agents/v2",
      organizationId: undefined,
      registry: { token: "env-token", baseUrl: "https://env-registry.example/api/v1" },
    });
  });

  test("takes the default profile, and each environment variable wins over its field", () => {
    const settings = resolveSettings({ ASTEROID_API_KEY: "env-key" }, config);
    expect(settings).toMatchObject({
      kind: "remote",
      profile: "work",
      apiKey: "env-key",
      baseUrl: "https://work.example/agents/v2",
      registry: { token: "profile-token" },
    });
  });

  test("--profile picks a profile, and an unknown or keyless one is an error that lists the known ones", () => {
    expect(() => resolveSettings({}, config, "home")).toThrow(/Known profiles: work, partial/);
    expect(() => resolveSettings({}, config, "partial")).toThrow(ProfileError);
    expect(resolveSettings({ ASTEROID_API_KEY: "k" }, config, "partial")).toMatchObject({
      profile: "partial",
      baseUrl: "https://partial.example",
    });
  });

  test("leaves the registry off without a token", () => {
    expect(resolveSettings({ ASTEROID_API_KEY: "k" }, { profiles: {} })).toMatchObject({
      registry: undefined,
    });
  });
});

describe("clientOptionsOf", () => {
  test("gives createClient the key, and the URLs and the registry only where they are set", () => {
    const remote = resolveSettings({ ASTEROID_API_KEY: "k" }, { profiles: {} });
    if (remote.kind !== "remote") throw new Error("expected remote settings");
    expect(clientOptionsOf(remote)).toEqual({ apiKey: "k" });
    const full = resolveSettings({}, config);
    if (full.kind !== "remote") throw new Error("expected remote settings");
    expect(clientOptionsOf(full)).toEqual({
      apiKey: "profile-key",
      baseUrl: "https://work.example/agents/v2",
      registry: { token: "profile-token", baseUrl: "https://registry.example/api/v1" },
    });
  });
});
