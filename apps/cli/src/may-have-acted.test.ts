import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import {
  AbortError,
  ConflictError,
  ConnectionError,
  createClient,
  InternalServerError,
  RequestValidationError,
  TimeoutError,
} from "@agentdeck/core";
import { describe, expect, test } from "vitest";
import { FateUnknownError } from "./cli-errors.ts";
import { mayHaveActed, unlessFateUnknown } from "./may-have-acted.ts";

/** A port that was just free: nothing listens on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const request = { api: "v2" as const, method: "POST", url: "http://127.0.0.1/agents/v2/agents/x/execute" };
const answered = (status: number) => ({ ...request, status, message: "m" });

describe("mayHaveActed", () => {
  test("follows core's own verdict on each of its errors", () => {
    expect(mayHaveActed(new TimeoutError("t", 30_000, { mayHaveActed: true }))).toBe(true);
    expect(mayHaveActed(new TimeoutError("t", 30_000, { mayHaveActed: false }))).toBe(false);
    expect(mayHaveActed(new AbortError("a", { mayHaveActed: true }))).toBe(true);
    expect(mayHaveActed(new ConnectionError({ ...request, message: "reset", code: "ECONNRESET" }))).toBe(
      true,
    );
    expect(mayHaveActed(new ConnectionError({ ...request, message: "refused", code: "ECONNREFUSED" }))).toBe(
      false,
    );
    expect(mayHaveActed(new InternalServerError(answered(502)))).toBe(true);
    expect(mayHaveActed(new ConflictError(answered(409)))).toBe(false);
  });

  test("is false for anything that is not core's: nothing was sent", () => {
    expect(mayHaveActed(new Error("ENOENT: no such file"))).toBe(false);
    expect(mayHaveActed({ mayHaveActed: true })).toBe(false);
    expect(mayHaveActed(undefined)).toBe(false);
  });

  test("an execute to a port nobody listens on did not act: core proves nothing was sent", async () => {
    const port = await closedPort();
    const client = createClient({
      apiKey: "k".repeat(20),
      baseUrl: `http://127.0.0.1:${port}/agents/v2`,
      maxRetries: 0,
    });
    const error = await client.agents
      .execute("3a7c9e1b-5d2f-4b6a-8e0c-1f3b5d7a9c2e", {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(mayHaveActed(error)).toBe(false);
  });

  test("a request refused before sending did not act", async () => {
    const client = createClient({ apiKey: "k".repeat(20), baseUrl: "http://127.0.0.1:1/agents/v2" });
    const error = await client.agents.execute("nope", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mayHaveActed(error)).toBe(false);
  });

  test("unlessFateUnknown wraps only such failures, with how to check", async () => {
    const unknown = await unlessFateUnknown(
      Promise.reject(new TimeoutError("t", 1, { mayHaveActed: true })),
      "look it up",
    ).catch((e) => e);
    expect(unknown).toBeInstanceOf(FateUnknownError);
    expect(unknown.check).toBe("look it up");
    const refused = new ConflictError(answered(409));
    await expect(unlessFateUnknown(Promise.reject(refused), "x")).rejects.toBe(refused);
  });
});
