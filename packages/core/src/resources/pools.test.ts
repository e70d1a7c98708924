import { describe, expect, it } from "vitest";
import { ConnectionError, InternalServerError } from "../errors.ts";
import { TEST_API_KEY, testClient, V2 } from "../test/client.ts";
import { ORG_ID, POOL_ID, pool, uuidAt } from "../test/fixtures.ts";
import { useTestServer } from "../test/use-server.ts";

const server = useTestServer();

function page(items: unknown[], pageNumber: number, pageSize: number, total: number) {
  return { items, page: pageNumber, pageSize, total };
}

describe("pools.list", () => {
  it("GETs agent-profile-pools with the params as query and the API key header, and parses the page", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, { json: page([pool()], 2, 10, 11) });
    const result = await testClient(server).pools.list({
      organizationId: ORG_ID,
      page: 2,
      pageSize: 10,
      searchName: "bots",
      sortField: "name",
      sortDirection: "desc",
    });
    expect(result).toEqual(page([pool()], 2, 10, 11));
    const [request] = server.requests;
    expect(request?.method).toBe("GET");
    expect(request?.path).toBe(`${V2}/agent-profile-pools`);
    expect(Object.fromEntries(request?.query ?? [])).toEqual({
      organizationId: ORG_ID,
      page: "2",
      pageSize: "10",
      searchName: "bots",
      sortField: "name",
      sortDirection: "desc",
    });
    expect(request?.headers["x-asteroid-agents-api-key"]).toBe(TEST_API_KEY);
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.headers["user-agent"]).toMatch(/^agentdeck-core\//);
  });

  it("sends no query string when no params are given", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, { json: page([], 1, 50, 0) });
    await testClient(server).pools.list();
    expect([...(server.requests[0]?.query ?? [])]).toEqual([]);
  });

  it("keeps a pool whose selectionStrategy it does not know, as the raw string", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, {
      json: page([pool(), pool({ id: uuidAt(2), selectionStrategy: "round_robin" })], 1, 50, 2),
    });
    const result = await testClient(server).pools.list();
    expect(result.items.map((p) => p.selectionStrategy)).toEqual(["least_recently_used", "round_robin"]);
  });
});

describe("pools.listAll", () => {
  it("yields every pool across pages and stops at the last, short page", async () => {
    const pools = Array.from({ length: 5 }, (_, i) => pool({ id: uuidAt(i), name: `pool ${i}` }));
    server.route(`GET ${V2}/agent-profile-pools`, (request) => {
      const n = Number(request.query.get("page"));
      return { json: page(pools.slice((n - 1) * 2, n * 2), n, 2, 5) };
    });
    const seen: string[] = [];
    for await (const p of testClient(server).pools.listAll({ pageSize: 2, organizationId: ORG_ID }))
      seen.push(p.name);
    expect(seen).toEqual(["pool 0", "pool 1", "pool 2", "pool 3", "pool 4"]);
    // Pages 2 and 3 went out together after page 1; the short page 3 ended the walk.
    // Let any straggler land inside this test.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const requested = server.requests.map((r) => Number(r.query.get("page"))).sort((a, b) => a - b);
    expect(requested.slice(0, 3)).toEqual([1, 2, 3]);
    expect(Math.max(...requested)).toBeLessThanOrEqual(6);
    expect(server.requests.every((r) => r.query.get("organizationId") === ORG_ID)).toBe(true);
  });

  it("stops when page * pageSize reaches total, without asking for an empty page", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, (request) => {
      const n = Number(request.query.get("page"));
      return { json: page([pool({ id: uuidAt(n * 10) }), pool({ id: uuidAt(n * 10 + 1) })], n, 2, 4) };
    });
    const ids: string[] = [];
    for await (const p of testClient(server).pools.listAll({ pageSize: 2 })) ids.push(p.id);
    expect(ids).toHaveLength(4);
    expect(server.requests).toHaveLength(2);
  });

  it("starts from the page given in params", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, (request) => ({
      json: page([], Number(request.query.get("page")), 2, 4),
    }));
    for await (const _ of testClient(server).pools.listAll({ page: 3, pageSize: 2 })) {
      // nothing to consume
    }
    expect(server.requests.map((r) => r.query.get("page"))).toEqual(["3"]);
  });

  it("requests page N+1 while the caller is still consuming page N", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, (request) => {
      const n = Number(request.query.get("page"));
      return {
        json: page(
          n === 1 ? [pool({ id: uuidAt(1) }), pool({ id: uuidAt(2) })] : [pool({ id: uuidAt(3) })],
          n,
          2,
          3,
        ),
      };
    });
    const order: string[] = [];
    for await (const p of testClient(server).pools.listAll({ pageSize: 2 })) {
      if (p.id === uuidAt(1)) {
        // Still holding the first item of page 1: page 2 must already be on its way.
        await server.waitForRequest((r) => r.query.get("page") === "2");
        order.push("page 2 requested");
      }
      order.push(p.id);
    }
    expect(order).toEqual(["page 2 requested", uuidAt(1), uuidAt(2), uuidAt(3)]);
  });

  it("keeps at most four pages on their way while the caller works through the current one", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, (request) => {
      const n = Number(request.query.get("page"));
      return { json: page([pool({ id: uuidAt(n) })], n, 1, 10) };
    });
    const requested = () => server.requests.map((r) => Number(r.query.get("page"))).sort((a, b) => a - b);
    const seen: string[] = [];
    for await (const p of testClient(server).pools.listAll({ pageSize: 1 })) {
      if (p.id === uuidAt(1)) {
        await server.waitForRequest((r) => r.query.get("page") === "5");
        await new Promise((resolve) => setTimeout(resolve, 30));
        expect(requested()).toEqual([1, 2, 3, 4, 5]);
      }
      if (p.id === uuidAt(2)) {
        await server.waitForRequest((r) => r.query.get("page") === "6");
        await new Promise((resolve) => setTimeout(resolve, 30));
        expect(requested()).toEqual([1, 2, 3, 4, 5, 6]);
      }
      seen.push(p.id);
    }
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => uuidAt(i + 1)));
    expect(requested()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("yields pages in order when later pages answer first", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, (request) => {
      const n = Number(request.query.get("page"));
      return { json: page([pool({ id: uuidAt(n) })], n, 1, 5), delayMs: (5 - n) * 20 };
    });
    const seen: string[] = [];
    for await (const p of testClient(server).pools.listAll({ pageSize: 1 })) seen.push(p.id);
    expect(seen).toEqual([1, 2, 3, 4, 5].map(uuidAt));
  });

  it("yields every page before a failed one, then rejects, even when the failure answers first", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, (request) => {
      const n = Number(request.query.get("page"));
      if (n === 3) return { status: 500, json: { code: 500, message: "boom" } };
      return { json: page([pool({ id: uuidAt(n) })], n, 1, 5), delayMs: n === 2 ? 60 : 0 };
    });
    const seen: string[] = [];
    const loop = async () => {
      for await (const p of testClient(server, { maxRetries: 0 }).pools.listAll({ pageSize: 1 }))
        seen.push(p.id);
    };
    await expect(loop()).rejects.toBeInstanceOf(InternalServerError);
    expect(seen).toEqual([uuidAt(1), uuidAt(2)]);
  });

  it("leaves no unhandled rejection when the caller stops early and the prefetched page fails", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      server.route(`GET ${V2}/agent-profile-pools`, (request) =>
        request.query.get("page") === "1"
          ? { json: page([pool({ id: uuidAt(1) }), pool({ id: uuidAt(2) })], 1, 2, 10) }
          : { status: 500, json: { code: 500, message: "boom" } },
      );
      for await (const _ of testClient(server, { maxRetries: 0 }).pools.listAll({ pageSize: 2 })) {
        await server.waitForRequest((r) => r.query.get("page") === "2");
        break;
      }
      // Give a rejection every chance to surface.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("rejects the loop with the error of a page that fails while the caller is still iterating", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, (request) =>
      request.query.get("page") === "1"
        ? { json: page([pool({ id: uuidAt(1) })], 1, 1, 5) }
        : { status: 500, json: { code: 500, message: "boom" } },
    );
    const seen: string[] = [];
    const loop = async () => {
      for await (const p of testClient(server, { maxRetries: 0 }).pools.listAll({ pageSize: 1 }))
        seen.push(p.id);
    };
    await expect(loop()).rejects.toBeInstanceOf(InternalServerError);
    expect(seen).toEqual([uuidAt(1)]);
  });
});

describe("pools.get", () => {
  it("GETs agent-profile-pools/{id} and parses the pool", async () => {
    server.route(`GET ${V2}/agent-profile-pools/:id`, { json: { ...pool(), extraField: "ignored" } });
    await expect(testClient(server).pools.get(POOL_ID)).resolves.toEqual(pool());
    expect(server.requests[0]?.path).toBe(`${V2}/agent-profile-pools/${POOL_ID}`);
  });
});

describe("pools.create", () => {
  it("POSTs the body as JSON and parses the created pool", async () => {
    server.route(`POST ${V2}/agent-profile-pools`, { status: 201, json: pool() });
    const body = {
      name: "Checkout bots",
      organizationId: ORG_ID,
      allowConcurrentUse: true,
      selectionStrategy: "most_recently_used",
    } as const;
    await expect(testClient(server).pools.create(body)).resolves.toEqual(pool());
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.json).toEqual(body);
    expect(request?.headers["content-type"]).toMatch(/^application\/json/);
    expect(request?.headers["x-asteroid-agents-api-key"]).toBe(TEST_API_KEY);
  });

  it("is not retried after a 500: one request, InternalServerError", async () => {
    server.route(`POST ${V2}/agent-profile-pools`, { status: 500, json: { code: 500, message: "boom" } });
    await expect(
      testClient(server).pools.create({ name: "x", organizationId: ORG_ID }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("is not retried after the connection drops: one request, ConnectionError", async () => {
    server.route(`POST ${V2}/agent-profile-pools`, { drop: true }, { status: 201, json: pool() });
    await expect(
      testClient(server).pools.create({ name: "x", organizationId: ORG_ID }),
    ).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("pools.update", () => {
  it("PATCHes agent-profile-pools/{id} with the patch and parses the pool", async () => {
    server.route(`PATCH ${V2}/agent-profile-pools/:id`, { json: pool({ name: "Renamed" }) });
    const updated = await testClient(server).pools.update(POOL_ID, { name: "Renamed" });
    expect(updated.name).toBe("Renamed");
    expect(server.requests[0]?.method).toBe("PATCH");
    expect(server.requests[0]?.path).toBe(`${V2}/agent-profile-pools/${POOL_ID}`);
    expect(server.requests[0]?.json).toEqual({ name: "Renamed" });
  });

  it("is not retried after a 503: one request", async () => {
    server.route(`PATCH ${V2}/agent-profile-pools/:id`, {
      status: 503,
      json: { code: 503, message: "busy" },
    });
    await expect(
      testClient(server).pools.update(POOL_ID, { allowConcurrentUse: true }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });
});
