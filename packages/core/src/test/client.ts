import { createClient } from "../client.ts";
import type { ClientOptions } from "../client-options.ts";
import type { TestServer } from "./server.ts";

/** The API key every test client sends: long and unmistakable, so a leak is easy to find. */
export const TEST_API_KEY = "sk-test-SECRETKEY-0123456789abcdef";
/** The registry token every test client sends. */
export const TEST_TOKEN = "pf-test-SECRETTOKEN-fedcba9876543210";

/** v2 paths on the test server start with this; registry paths with `/registry`. */
export const V2 = "/v2";
export const REGISTRY = "/registry";

/** A client aimed at the test server, with credentials and retry waits of a millisecond or two. */
export function testClient(server: TestServer, options: ClientOptions = {}) {
  return createClient({
    apiKey: TEST_API_KEY,
    baseUrl: `${server.url}${V2}`,
    registry: { token: TEST_TOKEN, baseUrl: `${server.url}${REGISTRY}` },
    retryTiming: { baseMs: 1, capMs: 2 },
    ...options,
  });
}
