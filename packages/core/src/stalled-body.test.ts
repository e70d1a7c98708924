import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AbortError, TimeoutError } from "./errors.ts";
import { testClient, V2 } from "./test/client.ts";
import { startTestServer, type TestServer } from "./test/server.ts";

// Garbage collection is what made a stalled body outlive its deadline: the Request that ky hands
// to fetch is collected once the headers are in, and with it the link from our signal to the socket.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

// A server (so an origin, so a connection pool) per test: the connections fetch opens again
// after the aborts of one test must not be what the next one measures.
let server: TestServer;
afterEach(() => server.close());
const ROUTE = `GET ${V2}/context`;
const RUNS = 50;

/** Starts `RUNS` calls at once against a body that stalls, and waits until every one is stalled in its body. */
async function stalledCalls(options: { timeoutMs?: number; signal?: AbortSignal }) {
  server = await startTestServer();
  server.route(ROUTE, { partial: "{", ending: "stall" });
  const client = testClient(server, { maxRetries: 0 });
  const calls = Array.from({ length: RUNS }, () =>
    client.context.get(options).then(
      () => ({ error: undefined, at: performance.now() }),
      (error: unknown) => ({ error, at: performance.now() }),
    ),
  );
  await expect.poll(() => server.requests.length, { timeout: 10_000 }).toBe(RUNS);
  // The headers and "{" are on their way; let them land, then collect everything collectable.
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc();
  return calls;
}

describe("a body that stalls after the headers, with garbage collection forced", () => {
  let collector: ReturnType<typeof setInterval>;
  beforeAll(() => {
    collector = setInterval(gc, 50);
  });
  afterAll(() => clearInterval(collector));

  it(`ends every call at its timeoutMs, ${RUNS} of ${RUNS}, and closes each connection`, async () => {
    const started = performance.now();
    // Long enough for 50 requests to reach the server on a loaded 2-core machine before it runs out.
    const timeoutMs = 4_000;
    const outcomes = await Promise.all(await stalledCalls({ timeoutMs }));
    for (const { error, at } of outcomes) {
      expect(error).toBeInstanceOf(TimeoutError);
      expect(at - started).toBeGreaterThanOrEqual(timeoutMs - 5);
      // A hang would last until the test's own timeout; this only leaves room for a busy machine.
      expect(at - started).toBeLessThan(timeoutMs + 5_000);
    }
    await Promise.all(server.requests.map((request) => request.closed));
  });

  it(`ends every call promptly when its signal aborts, ${RUNS} of ${RUNS}`, async () => {
    const controller = new AbortController();
    const calls = await stalledCalls({ timeoutMs: 60_000, signal: controller.signal });
    const aborted = performance.now();
    controller.abort();
    for (const { error, at } of await Promise.all(calls)) {
      expect(error).toBeInstanceOf(AbortError);
      expect(at - aborted).toBeLessThan(5_000);
    }
    await Promise.all(server.requests.map((request) => request.closed));
  });
});
