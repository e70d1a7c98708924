import { describe, expect, it } from "vitest";
import {
  findCreatedPool,
  findExecution,
  findMessage,
  findPoolChange,
  findStagedFiles,
  findUploadedFiles,
} from "./fate.ts";
import { testClient, V2 } from "./test/client.ts";
import { AGENT_ID, EXECUTION_ID } from "./test/fixtures.ts";
import { useTestServer } from "./test/use-server.ts";

const AGENT = "0a1b2c3d-0000-4000-8000-000000000003";
const POOL = "0a1b2c3d-0000-4000-8000-000000000002";
const startedAt = Date.parse("2025-01-02T03:04:05Z");

const server = useTestServer();

describe("how to find out what an unsafe write did", () => {
  it("points an execute to executions.list by its first metadata entry", () => {
    expect(findExecution(AGENT, { batch: "b-1", row: "7" })(startedAt)).toBe(
      `It may have started an execution: look for it with client.executions.list({ agentId: "${AGENT}", metadataKey: "batch", metadataValue: "b-1" }) before starting another.`,
    );
  });

  it("points an execute without metadata to the runs created since a minute before the call", () => {
    const advice = `It may have started an execution: look for it with client.executions.list({ agentId: "${AGENT}", createdAfter: "2025-01-02T03:03:05.000Z" }) before starting another. Give each execute a metadata value of its own to find its run for sure.`;
    expect(findExecution(AGENT, undefined)(startedAt)).toBe(advice);
    expect(findExecution(AGENT, {})(startedAt)).toBe(advice);
  });

  it("points a pool create to pools.list by organization and name", () => {
    expect(findCreatedPool(POOL, "a")(startedAt)).toBe(
      `It may have created the pool: look for it with client.pools.list({ organizationId: "${POOL}", searchName: "a" }) before creating it again.`,
    );
  });

  it("points a pool update to pools.get, a message to the feed, an upload to the file list", () => {
    expect(findPoolChange(POOL)(startedAt)).toBe(
      `It may have changed the pool: read it with client.pools.get("${POOL}") before changing it again.`,
    );
    expect(findMessage(POOL)(startedAt)).toBe(
      `The agent may have received the message: check client.executions.activities("${POOL}") before sending it again.`,
    );
    expect(findUploadedFiles(POOL)(startedAt)).toBe(
      `It may have uploaded the files: check client.executions.files("${POOL}") before uploading them again.`,
    );
    expect(findStagedFiles(startedAt)).toMatch(/stage them again and use the new ids/);
  });

  it("each unsafe method says its own advice when its answer is lost", async () => {
    const client = testClient(server, { maxRetries: 0 });
    const dropped = { drop: true } as const;
    server.route(`POST ${V2}/agents/:id/execute`, dropped);
    server.route(`POST ${V2}/executions/:id/user-messages`, dropped);
    server.route(`POST ${V2}/executions/:id/context-files`, dropped);
    server.route(`POST ${V2}/temp-files/:org`, dropped);
    const messageOf = (call: Promise<unknown>) =>
      call.then(
        () => "",
        (error: Error) => error.message,
      );
    expect(await messageOf(client.agents.execute(AGENT_ID, { metadata: { run: "r-1" } }))).toContain(
      `metadataKey: "run", metadataValue: "r-1"`,
    );
    expect(await messageOf(client.executions.sendMessage(EXECUTION_ID, "hi"))).toContain(
      `client.executions.activities("${EXECUTION_ID}")`,
    );
    const file = { name: "a.txt", data: "x" };
    expect(await messageOf(client.executions.uploadFiles(EXECUTION_ID, [file]))).toContain(
      `client.executions.files("${EXECUTION_ID}")`,
    );
    expect(await messageOf(client.files.stage([file], { organizationId: POOL }))).toContain(
      "stage them again",
    );
  });
});
