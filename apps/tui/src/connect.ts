import type { Settings } from "@agentdeck/config";
import type { Client } from "@agentdeck/core";
import { createClient } from "@agentdeck/core";

/** A client ready to use, what to call its environment, and how to let go of it. */
export type Backend = {
  readonly client: Client;
  readonly environment: string;
  readonly organizationId: string | undefined;
  readonly registry: boolean;
  readonly close: () => Promise<void>;
};

function hostOf(url: string | undefined): string {
  if (url === undefined) return "odyssey.asteroid.ai";
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Builds the client the settings ask for. For the sandbox it first starts one in this process
 * (loaded only then, so a real API start-up never pays for it) on a free port.
 */
export async function connect(settings: Settings): Promise<Backend> {
  if (settings.kind === "sandbox") {
    const { startSandbox } = await import("@agentdeck/sandbox");
    const sandbox = await startSandbox({ port: 0 });
    const client = createClient({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.agentsUrl,
      registry: { token: sandbox.registryToken, baseUrl: sandbox.registryUrl },
    });
    return {
      client,
      environment: "sandbox",
      organizationId: sandbox.organizationId,
      registry: true,
      close: () => sandbox.close(),
    };
  }
  const client = createClient({
    apiKey: settings.apiKey,
    ...(settings.baseUrl === undefined ? {} : { baseUrl: settings.baseUrl }),
    ...(settings.registry === undefined
      ? {}
      : {
          registry: {
            token: settings.registry.token,
            ...(settings.registry.baseUrl === undefined ? {} : { baseUrl: settings.registry.baseUrl }),
          },
        }),
  });
  return {
    client,
    environment: settings.profile ?? hostOf(settings.baseUrl),
    organizationId: settings.organizationId,
    registry: settings.registry !== undefined,
    close: async () => {},
  };
}
