import { createClient } from "@agentdeck/core";
import { CONSUMER_API_KEY, CONSUMER_REGISTRY_TOKEN } from "./credentials.ts";

/**
 * The real agentdeck-core client, pointed at a Pact mock server: v2 at its root, the registry under
 * `/api/v1`. Retries are off, so each call makes exactly the one request its interaction describes.
 */
export function clientFor(
  mockServerUrl: string,
  credentials: { apiKey?: string; registryToken?: string } = {},
) {
  return createClient({
    apiKey: credentials.apiKey ?? CONSUMER_API_KEY,
    baseUrl: mockServerUrl,
    registry: {
      token: credentials.registryToken ?? CONSUMER_REGISTRY_TOKEN,
      baseUrl: `${mockServerUrl}/api/v1`,
    },
    maxRetries: 0,
  });
}
