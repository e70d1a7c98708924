import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  AbortError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  ResponseTooLargeError,
  UnreadableResponseError,
} from "./errors.ts";
import {
  backoffDelay,
  DEFAULT_RETRY_TIMING,
  decideRetry,
  isRetryableFailure,
  parseRetryAfter,
} from "./retry.ts";
import { testClient, V2 } from "./test/client.ts";
import { userContext } from "./test/fixtures.ts";
import { useTestServer } from "./test/use-server.ts";

const request = { api: "v2" as const, method: "GET", url: "https://example.test/x" };
const serverError = (status: number) => new InternalServerError({ ...request, status, message: "boom" });
const dropped = new ConnectionError({ ...request, message: "reset", code: "ECONNRESET" });
const refused = new ConnectionError({ ...request, message: "refused", code: "ECONNREFUSED" });
const timing = DEFAULT_RETRY_TIMING;

describe("backoffDelay", () => {
  it("stays between 0 and min(cap, base * 2^retry) for any random draw", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, draw) => {
          const delay = backoffDelay(retry, timing, () => draw);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(timing.capMs, timing.baseMs * 2 ** retry));
        },
      ),
    );
  });

  it("doubles its ceiling per retry until the cap (full jitter at the top of the range)", () => {
    const top = () => 1;
    expect([0, 1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, timing, top))).toEqual([
      300, 600, 1200, 2400, 4800, 8000, 8000,
    ]);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter("12", now)).toBe(12_000);
  });

  it("reads an HTTP date as the time left until it", () => {
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:05 GMT", now)).toBe(5_000);
  });

  it("reads an HTTP date in the past as no wait", () => {
    expect(parseRetryAfter("Tue, 31 Dec 2024 23:59:00 GMT", now)).toBe(0);
  });

  it("ignores an absent or unreadable header", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-3", now)).toBeUndefined();
  });
});

describe("decideRetry", () => {
  const base = { retries: 0, maxRetries: 2, timing, random: () => 0.5 } as const;

  it("retries a safe request on 408, 429 and every 5xx", () => {
    for (const status of [408, 429, 500, 502, 503, 504, 599]) {
      const error =
        status === 429
          ? new RateLimitError({ ...request, status, message: "x" })
          : status === 408
            ? new BadRequestError({ ...request, status, message: "x" })
            : serverError(status);
      expect(decideRetry({ ...base, error, policy: "safe" }).retry).toBe(true);
    }
  });

  it("does not retry a safe request on other 4xx", () => {
    for (const error of [
      new BadRequestError({ ...request, status: 400, message: "x" }),
      new NotFoundError({ ...request, status: 404, message: "x" }),
    ]) {
      expect(decideRetry({ ...base, error, policy: "safe" })).toEqual({ retry: false });
    }
  });

  it("retries a safe request on any connection error", () => {
    expect(decideRetry({ ...base, error: dropped, policy: "safe" }).retry).toBe(true);
  });

  it("retries an unsafe request only when the connection was refused before sending", () => {
    expect(decideRetry({ ...base, error: refused, policy: "unsafe" }).retry).toBe(true);
    expect(decideRetry({ ...base, error: dropped, policy: "unsafe" })).toEqual({ retry: false });
    expect(decideRetry({ ...base, error: serverError(503), policy: "unsafe" })).toEqual({ retry: false });
  });

  it("stops after maxRetries", () => {
    expect(decideRetry({ ...base, retries: 2, error: serverError(500), policy: "safe" })).toEqual({
      retry: false,
    });
  });

  it("waits exactly the Retry-After, without jitter, up to the cap", () => {
    const error = new InternalServerError({ ...request, status: 503, message: "x", retryAfterMs: 1500 });
    expect(decideRetry({ ...base, error, policy: "safe" })).toEqual({ retry: true, delayMs: 1500 });
  });

  it("gives up at once when Retry-After is beyond the cap", () => {
    const error = new RateLimitError({ ...request, status: 429, message: "x", retryAfterMs: 61_000 });
    expect(decideRetry({ ...base, error, policy: "safe" })).toEqual({ retry: false });
  });

  it("never retries something that is not an AgentdeckError (a bug should surface)", () => {
    expect(decideRetry({ ...base, error: new TypeError("oops"), policy: "safe" })).toEqual({ retry: false });
  });
});

describe("retries against a server", () => {
  const server = useTestServer();
  const ROUTE = `GET ${V2}/context`;

  it.each([408, 429, 500, 502, 503, 504])(
    "retries a GET after %i and returns the success",
    async (status) => {
      server.route(ROUTE, { status, json: { code: status, message: "again" } }, { json: userContext() });
      await expect(testClient(server).context.get()).resolves.toEqual(userContext());
      expect(server.requests).toHaveLength(2);
    },
  );

  it("retries a GET after a dropped connection", async () => {
    server.route(ROUTE, { drop: true }, { json: userContext() });
    await expect(testClient(server).context.get()).resolves.toEqual(userContext());
    expect(server.requests).toHaveLength(2);
  });

  it("makes 1 + maxRetries (2) attempts by default, then throws the last error", async () => {
    server.route(ROUTE, { status: 500, json: { code: 500, message: "down" } });
    const error = await testClient(server)
      .context.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).message).toContain("It failed 3 times");
    expect(server.requests).toHaveLength(3);
  });

  it("honours maxRetries from the client options", async () => {
    server.route(ROUTE, { status: 503, json: { code: 503, message: "down" } });
    await expect(testClient(server, { maxRetries: 4 }).context.get()).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(server.requests).toHaveLength(5);
    server.reset();
    server.route(ROUTE, { status: 503, json: { code: 503, message: "down" } });
    await expect(testClient(server, { maxRetries: 0 }).context.get()).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry a GET after 400, 401, 403 or 404", async () => {
    for (const status of [400, 401, 403, 404]) {
      server.reset();
      server.route(ROUTE, { status, json: { code: status, message: "no" } }, { json: userContext() });
      await expect(testClient(server).context.get()).rejects.toThrow();
      expect(server.requests).toHaveLength(1);
    }
  });

  it("retries after a Retry-After of 0 seconds", async () => {
    server.route(ROUTE, { status: 429, headers: { "retry-after": "0" } }, { json: userContext() });
    await expect(testClient(server).context.get()).resolves.toEqual(userContext());
    expect(server.requests).toHaveLength(2);
  });

  it("retries after a Retry-After given as an HTTP date", async () => {
    const past = new Date(Date.now() - 60_000).toUTCString();
    server.route(ROUTE, { status: 503, headers: { "retry-after": past } }, { json: userContext() });
    await expect(testClient(server).context.get()).resolves.toEqual(userContext());
    expect(server.requests).toHaveLength(2);
  });

  it("throws RateLimitError at once, without sleeping, when Retry-After exceeds the cap", async () => {
    server.route(ROUTE, { status: 429, headers: { "retry-after": "3600" } }, { json: userContext() });
    const error = await testClient(server)
      .context.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect(server.requests).toHaveLength(1);
  });

  it("applies a lower maxRetryAfterMs from the client options", async () => {
    server.route(ROUTE, { status: 429, headers: { "retry-after": "2" } }, { json: userContext() });
    const client = testClient(server, { retryTiming: { baseMs: 1, capMs: 2, maxRetryAfterMs: 1000 } });
    await expect(client.context.get()).rejects.toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(1);
  });

  it("throws the real error instead of sleeping past the call's timeoutMs", async () => {
    server.route(ROUTE, { status: 503, headers: { "retry-after": "30" } }, { json: userContext() });
    await expect(testClient(server).context.get({ timeoutMs: 10_000 })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("stops a backoff sleep when the signal aborts, with AbortError", async () => {
    server.route(ROUTE, { status: 503, headers: { "retry-after": "30" } }, { json: userContext() });
    const controller = new AbortController();
    // The attempt's debug line is written just before the 30 s backoff sleep starts: abort right after it.
    vi.stubEnv("AGENTDECK_LOG", "debug");
    vi.spyOn(console, "error").mockImplementation(() => setTimeout(() => controller.abort(), 0));
    const call = testClient(server, { timeoutMs: 120_000 }).context.get({ signal: controller.signal });
    await expect(call).rejects.toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("isRetryableFailure", () => {
  const answered = { ...request, status: 200, message: "x" };

  it("is true for no connection, 408, 429, 5xx and a cut or badly compressed answer", () => {
    for (const error of [
      dropped,
      refused,
      serverError(500),
      new RateLimitError({ ...request, status: 429, message: "x" }),
      new BadRequestError({ ...request, status: 408, message: "x" }),
      new UnreadableResponseError(answered),
    ]) {
      expect(isRetryableFailure(error)).toBe(true);
    }
  });

  it("is false for other statuses, an answer over the size limit, and anything else", () => {
    for (const error of [
      new NotFoundError({ ...request, status: 404, message: "x" }),
      new ResponseTooLargeError({ ...answered, maxResponseBytes: 1 }),
      new AbortError(),
      new TypeError("oops"),
    ]) {
      expect(isRetryableFailure(error)).toBe(false);
    }
  });
});
