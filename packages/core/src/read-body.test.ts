import { describe, expect, it } from "vitest";
import { ResponseTooLargeError } from "./errors.ts";
import { testClient, V2 } from "./test/client.ts";
import { EXECUTION_ID, pool, uuidAt } from "./test/fixtures.ts";
import { useTestServer } from "./test/use-server.ts";

const server = useTestServer();
const LIST = `GET ${V2}/agent-profile-pools`;

describe("reading a body", () => {
  it("reads a body that arrives in many chunks whole, multi-byte characters across chunk edges included", async () => {
    const items = Array.from({ length: 400 }, (_, i) =>
      pool({ id: uuidAt(i), name: `é€😀 ${"x".repeat(500)} ${i}` }),
    );
    server.route(LIST, { json: { items, page: 1, pageSize: 400, total: 400 } });
    const page = await testClient(server).pools.list({ pageSize: 100 });
    expect(page.items).toHaveLength(400);
    expect(page.items[399]?.name).toBe(`é€😀 ${"x".repeat(500)} 399`);
  });

  it("takes a body of exactly maxResponseBytes, and refuses one byte more", async () => {
    const text = '{"organizations":[]}';
    const bytes = new TextEncoder().encode(text).byteLength;
    server.route(`GET ${V2}/context`, { text, headers: { "content-type": "application/json" } });
    await expect(testClient(server).context.get({ maxResponseBytes: bytes })).resolves.toEqual({
      organizations: [],
    });
    const error = await testClient(server)
      .context.get({ maxResponseBytes: bytes - 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toBe(
      `GET ${server.url}${V2}/context answered 200, but its body is over maxResponseBytes (${bytes - 1} bytes after decompression), so it was not read. The server did act on the request; raise maxResponseBytes to read such an answer.`,
    );
  });

  it("accepts a success with no body at all", async () => {
    server.route(`POST ${V2}/executions/:id/status`, { status: 204 });
    await expect(testClient(server).executions.pause(EXECUTION_ID)).resolves.toBeUndefined();
  });

  it("refuses maxResponseBytes that is not a whole number of bytes, before sending", async () => {
    for (const maxResponseBytes of [0, 1.5, -1]) {
      await expect(testClient(server).context.get({ maxResponseBytes })).rejects.toThrow(
        "Invalid options: maxResponseBytes: must be a whole number of bytes, 1 or more",
      );
    }
    expect(() => testClient(server, { maxResponseBytes: 0 })).toThrow(
      "Invalid client options: maxResponseBytes: must be a whole number of bytes, 1 or more",
    );
    expect(server.requests).toHaveLength(0);
  });
});
