import {
  AuthenticationError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  RequestValidationError,
  ResponseTooLargeError,
  TimeoutError,
  UnreadableResponseError,
} from "@agentdeck/core";
import { describe, expect, test } from "vitest";
import { errorMessage } from "./errorMessage.ts";

const request = {
  api: "v2" as const,
  method: "GET",
  url: "http://127.0.0.1:1/agents/v2/agent-profile-pools",
};
const registry = { api: "registry" as const, method: "GET", url: "http://127.0.0.1:1/api/v1/agent" };

describe("error messages", () => {
  test("a refused key says how to set one, for the API that refused it (err.api, not the URL)", () => {
    expect(errorMessage(new AuthenticationError({ ...request, status: 401, message: "no" })).text).toContain(
      "Set ASTEROID_API_KEY",
    );
    expect(errorMessage(new AuthenticationError({ ...registry, status: 401, message: "no" })).text).toContain(
      "AGENT_REGISTRY_TOKEN",
    );
    // A registry behind a proxy on another path is still the registry.
    const proxied = new AuthenticationError({
      api: "registry",
      method: "GET",
      url: "http://x/registry/agent",
      status: 401,
      message: "no",
    });
    expect(errorMessage(proxied).text).toContain("AGENT_REGISTRY_TOKEN");
  });

  test("a key from a profile that is refused names the profile and the config file", () => {
    const credentials = {
      v2: { kind: "profile", profile: "work", configPath: "/home/u/.config/agentdeck/config.json" },
      registry: { kind: "profile", profile: "work", configPath: "/home/u/.config/agentdeck/config.json" },
    } as const;
    const v2 = errorMessage(new AuthenticationError({ ...request, status: 401, message: "no" }), {
      credentials,
    }).text;
    expect(v2).toContain('profile "work"');
    expect(v2).toContain("apiKey in profile");
    expect(v2).toContain("/home/u/.config/agentdeck/config.json");
    const token = errorMessage(new AuthenticationError({ ...registry, status: 401, message: "no" }), {
      credentials,
    }).text;
    expect(token).toContain("registryToken in profile");
  });

  test("advice to try again names the key that does it where the message shows, or none", () => {
    const offline = new ConnectionError({ ...request, message: "refused", code: "ECONNREFUSED" });
    expect(errorMessage(offline, { retryKey: "R" }).text).toContain("press R to retry");
    expect(errorMessage(offline, { retryKey: "Ctrl+S" }).text).toContain("press Ctrl+S to retry");
    expect(errorMessage(offline).text).not.toMatch(/press/);
    const limited = new RateLimitError({ ...request, status: 429, message: "slow", retryAfterMs: 2000 });
    expect(errorMessage(limited, { retryKey: "Ctrl+S" }).text).toContain("Wait 2s, then press Ctrl+S");
    expect(errorMessage(limited).text).not.toContain("R ");
  });

  test("a request that may have done its work (core's mayHaveActed) says how to find out instead of to send it again", () => {
    const ifActed = "Look for it in the list before you send it again.";
    const lost = new ConnectionError({ ...request, message: "socket hang up", code: "ECONNRESET" });
    expect(lost.mayHaveActed).toBe(true);
    expect(errorMessage(lost, { retryKey: "Ctrl+S", ifActed }).text).toContain(ifActed);
    expect(errorMessage(lost, { retryKey: "Ctrl+S", ifActed }).text).not.toContain("press Ctrl+S");
    const failed = new InternalServerError({ ...request, status: 503, message: "down" });
    expect(errorMessage(failed, { ifActed }).text).toContain(ifActed);
    const late = new TimeoutError("slow", 5000, { mayHaveActed: true });
    expect(errorMessage(late, { ifActed }).text).toContain(ifActed);
    const unread = new UnreadableResponseError({
      ...request,
      status: 202,
      message: "bad gzip",
      code: "Z_DATA_ERROR",
    });
    expect(errorMessage(unread, { retryKey: "Ctrl+S", ifActed }).text).toContain(ifActed);
    expect(errorMessage(unread, { retryKey: "Ctrl+S", ifActed }).text).toContain(
      "could not be read (Z_DATA_ERROR)",
    );
    // Refused before anything was sent, or timed out before a request went: nothing can have
    // happened, so trying again is the advice.
    const refused = new ConnectionError({ ...request, message: "refused", code: "ECONNREFUSED" });
    expect(refused.mayHaveActed).toBe(false);
    expect(errorMessage(refused, { retryKey: "Ctrl+S", ifActed }).text).toContain("press Ctrl+S to retry");
    const early = new TimeoutError("slow", 5000);
    expect(errorMessage(early, { retryKey: "Ctrl+S", ifActed }).text).toContain("press Ctrl+S to retry");
  });

  test("every failure says what to do next", () => {
    const cases = [
      [new InternalServerError({ ...request, status: 503, message: "down" }), "try again"],
      [new ConnectionError({ ...request, message: "refused", code: "ECONNREFUSED" }), "ASTEROID_BASE_URL"],
      [new ConnectionError({ ...registry, message: "refused", code: "ECONNREFUSED" }), "AGENT_REGISTRY_URL"],
      [new NotFoundError({ ...request, status: 404, message: "gone" }), "press R"],
    ] as const;
    for (const [error, advice] of cases) {
      expect(errorMessage(error, { doing: "load the pools", retryKey: "R" }).text).toContain(advice);
    }
    expect(errorMessage(cases[0][0], { doing: "load the pools" }).text).toMatch(
      /^Could not load the pools: /,
    );
  });

  test("an answer over the size limit says so, and never that nothing arrived", () => {
    const big = new ResponseTooLargeError({
      ...request,
      status: 200,
      message: "too big",
      maxResponseBytes: 32 * 1024 * 1024,
    });
    const text = errorMessage(big, { doing: "load the pools", retryKey: "R" }).text;
    expect(text).toContain("larger than 32 MiB");
    expect(text).not.toMatch(/cannot reach|no answer/);
  });

  test("field problems come back by field", () => {
    const error = new RequestValidationError("pool", [
      { path: "name", message: "must be 1 to 255 characters" },
    ]);
    expect(errorMessage(error).fields).toEqual({ name: "must be 1 to 255 characters" });
  });

  test("server text in a message is made inert", () => {
    const error = new InternalServerError({
      ...request,
      status: 500,
      message: "\u001b[2Jboom\u001b]0;x\u0007",
    });
    expect(errorMessage(error).text).not.toContain("\u001b");
  });
});
