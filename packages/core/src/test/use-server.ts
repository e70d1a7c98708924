import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { TestServer } from "./server.ts";

/**
 * A test server for the current file: started before its tests, emptied (and env stubs and spies
 * undone) after each one, closed at the end.
 */
export function useTestServer(): TestServer {
  const server = new TestServer();
  beforeAll(async () => {
    await server.start();
  });
  afterEach(() => {
    server.reset();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
  afterAll(() => server.close());
  return server;
}
