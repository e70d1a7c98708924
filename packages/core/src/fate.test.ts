import { describe, expect, it } from "vitest";
import { howToFindOut } from "./fate.ts";

const AGENT = "0a1b2c3d-0000-4000-8000-000000000003";
const POOL = "0a1b2c3d-0000-4000-8000-000000000002";
const startedAt = Date.parse("2025-01-02T03:04:05Z");

describe("howToFindOut", () => {
  it("points an execute to executions.list by its first metadata entry", () => {
    expect(
      howToFindOut({
        method: "POST",
        path: `agents/${AGENT}/execute`,
        body: { metadata: { batch: "b-1", row: "7" } },
        startedAt,
      }),
    ).toBe(
      `It may have started an execution: look for it with client.executions.list({ agentId: "${AGENT}", metadataKey: "batch", metadataValue: "b-1" }) before starting another.`,
    );
  });

  it("points an execute without metadata to the runs created since a minute before the call", () => {
    const advice = `It may have started an execution: look for it with client.executions.list({ agentId: "${AGENT}", createdAfter: "2025-01-02T03:03:05.000Z" }) before starting another. Give each execute a metadata value of its own to find its run for sure.`;
    expect(howToFindOut({ method: "POST", path: `agents/${AGENT}/execute`, body: {}, startedAt })).toBe(
      advice,
    );
    expect(
      howToFindOut({ method: "POST", path: `agents/${AGENT}/execute`, body: { metadata: {} }, startedAt }),
    ).toBe(advice);
  });

  it("points a pool create to pools.list by organization and name", () => {
    expect(
      howToFindOut({
        method: "POST",
        path: "agent-profile-pools",
        body: { name: "a", organizationId: POOL },
        startedAt,
      }),
    ).toBe(
      `It may have created the pool: look for it with client.pools.list({ organizationId: "${POOL}", searchName: "a" }) before creating it again.`,
    );
  });

  it("points a pool update to pools.get", () => {
    expect(howToFindOut({ method: "PATCH", path: `agent-profile-pools/${POOL}`, body: {}, startedAt })).toBe(
      `It may have changed the pool: read it with client.pools.get("${POOL}") before changing it again.`,
    );
  });

  it("points a user message to the activity feed", () => {
    expect(
      howToFindOut({ method: "POST", path: `executions/${POOL}/user-messages`, body: {}, startedAt }),
    ).toBe(
      `The agent may have received the message: check client.executions.activities("${POOL}") before sending it again.`,
    );
  });

  it("gives any other write, or these paths under another method, the general advice", () => {
    const general = "It may have been carried out: check the current state before sending it again.";
    for (const [method, path] of [
      ["POST", "files"],
      ["GET", `agents/${AGENT}/execute`],
      ["PATCH", "agent-profile-pools"],
      ["GET", `agent-profile-pools/${POOL}`],
      ["PUT", `executions/${POOL}/user-messages`],
      ["POST", `agents/${AGENT}/execute/more`],
    ] as const) {
      expect(howToFindOut({ method, path, body: null, startedAt })).toBe(general);
    }
  });
});
