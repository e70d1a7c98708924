import { AuthenticationError, ConnectionError, NotFoundError, TimeoutError } from "@agentdeck/core";
import { describe, expect, test } from "vitest";
import { apiOf, CONNECTING, connectionFailed, connectionOk } from "./connection.ts";

const request = {
  api: "v2" as const,
  method: "GET",
  url: "http://127.0.0.1:1/agents/v2/agent-profile-pools",
};

describe("the connection", () => {
  test("is offline without an answer, unauthorized on a 401, connected on any answer", () => {
    const ok = connectionOk(CONNECTING, new Date(0));
    expect(connectionFailed(ok, new ConnectionError({ ...request, message: "x" })).state).toBe("offline");
    expect(
      connectionFailed(ok, new AuthenticationError({ ...request, status: 401, message: "x" })).state,
    ).toBe("unauthorized");
    expect(connectionFailed(ok, new NotFoundError({ ...request, status: 404, message: "x" })).state).toBe(
      "connected",
    );
    expect(connectionFailed(ok, new Error("x")).lastOk).toEqual(new Date(0));
  });

  test("answering again after a failure counts as a reconnect", () => {
    const down = connectionFailed(
      connectionOk(CONNECTING, new Date(0)),
      new ConnectionError({ ...request, message: "x" }),
    );
    expect(connectionOk(down, new Date(1)).reconnects).toBe(1);
    expect(connectionOk(connectionOk(down, new Date(1)), new Date(2)).reconnects).toBe(1);
  });

  test("an error is about the API it names; one that names none is about the API asked", () => {
    expect(apiOf(new ConnectionError({ ...request, api: "registry", message: "x" }), "v2")).toBe("registry");
    expect(apiOf(new TimeoutError("slow", 1000), "registry")).toBe("registry");
  });
});
