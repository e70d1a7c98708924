import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TimeoutError } from "./errors.ts";
import { testClient, V2 } from "./test/client.ts";
import { useTestServer } from "./test/use-server.ts";

// Forced GC is what made a stalled body outlive its deadline: the Request that ky hands to fetch
// is collected once the headers are in, and with it the link from our signal to the socket.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const server = useTestServer();
const ROUTE = `GET ${V2}/context`;
const RUNS = 50;
const AT_ONCE = 25;
const TIMEOUT_MS = 1_000;

describe("a body that stalls after the headers, with garbage collection running all the time", () => {
  let collector: ReturnType<typeof setInterval>;
  beforeAll(() => {
    collector = setInterval(gc, 10);
  });
  afterAll(() => clearInterval(collector));

  it(`ends every call at its timeoutMs, ${RUNS} of ${RUNS}, and closes each connection`, async () => {
    server.route(ROUTE, { partial: "{", ending: "stall" });
    const client = testClient(server, { maxRetries: 0 });
    const outcomes: unknown[] = [];
    for (let batch = 0; batch < RUNS / AT_ONCE; batch++) {
      const calls = Array.from({ length: AT_ONCE }, async () => {
        const started = performance.now();
        const error = await client.context.get({ timeoutMs: TIMEOUT_MS }).catch((e: unknown) => e);
        return { error, ms: performance.now() - started };
      });
      outcomes.push(...(await Promise.all(calls)));
    }
    expect(server.requests).toHaveLength(RUNS);
    for (const { error, ms } of outcomes as { error: unknown; ms: number }[]) {
      expect(error).toBeInstanceOf(TimeoutError);
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
      // A hang would last until the test's own timeout; this only leaves room for a busy machine.
      expect(ms).toBeLessThan(TIMEOUT_MS + 2_000);
    }
    await Promise.all(server.requests.map((request) => request.closed));
  });
});
