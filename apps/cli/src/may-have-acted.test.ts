import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  TimeoutError,
} from "@agentdeck/core";
import { describe, expect, test } from "vitest";
import { FateUnknownError } from "./cli-errors.ts";
import { mayHaveActed, unlessFateUnknown } from "./may-have-acted.ts";

const request = { api: "v2" as const, method: "POST", url: "http://127.0.0.1/agents/v2/agents/x/execute" };
const answered = (status: number) => ({ ...request, status, message: "m" });

describe("mayHaveActed", () => {
  test("is true when the request went out and its fate is unknown", () => {
    expect(mayHaveActed(new TimeoutError("t", 30_000))).toBe(true);
    expect(mayHaveActed(new ConnectionError({ ...request, message: "reset", code: "ECONNRESET" }))).toBe(
      true,
    );
    expect(mayHaveActed(new ConnectionError({ ...request, message: "?" }))).toBe(true);
    expect(mayHaveActed(new InternalServerError(answered(502)))).toBe(true);
  });

  test("is false when the server refused, or nothing could have been sent", () => {
    expect(mayHaveActed(new ConnectionError({ ...request, message: "refused", code: "ECONNREFUSED" }))).toBe(
      false,
    );
    expect(mayHaveActed(new ConnectionError({ ...request, message: "dns", code: "ENOTFOUND" }))).toBe(false);
    expect(mayHaveActed(new ConflictError(answered(409)))).toBe(false);
    expect(mayHaveActed(new AuthenticationError(answered(401)))).toBe(false);
    expect(mayHaveActed(new RateLimitError(answered(429)))).toBe(false);
    expect(mayHaveActed(new Error("other"))).toBe(false);
  });

  test("follows an error's own mayHaveActed field when it has one", () => {
    expect(mayHaveActed(Object.assign(new ConflictError(answered(409)), { mayHaveActed: true }))).toBe(true);
    expect(mayHaveActed(Object.assign(new TimeoutError("t", 1), { mayHaveActed: false }))).toBe(false);
  });

  test("unlessFateUnknown wraps only such failures, with how to check", async () => {
    const unknown = await unlessFateUnknown(Promise.reject(new TimeoutError("t", 1)), "look it up").catch(
      (e) => e,
    );
    expect(unknown).toBeInstanceOf(FateUnknownError);
    expect(unknown.check).toBe("look it up");
    const refused = new ConflictError(answered(409));
    await expect(unlessFateUnknown(Promise.reject(refused), "x")).rejects.toBe(refused);
  });
});
