import type { Settings } from "@agentdeck/config";
import { createClient } from "@agentdeck/core";
import { credentialsOf } from "../common/credentials.ts";
import type { Backend } from "../shell/App.tsx";

function hostOf(url: string | undefined): string {
  if (url === undefined) return "odyssey.asteroid.ai";
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Builds the backend the settings ask for. For the sandbox it first starts one in this process
 * (loaded only then, so a real API start-up never pays for it) on a free port.
 */
export async function connect(
  settings: Settings,
  origin: { env: NodeJS.ProcessEnv; configPath: string },
): Promise<Backend> {
  const credentials = credentialsOf(settings, origin.env, origin.configPath);
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
      credentials,
      warnings: settings.warnings,
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
    credentials,
    warnings: settings.warnings,
    close: async () => {},
  };
}
