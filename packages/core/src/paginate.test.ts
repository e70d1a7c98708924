import { describe, expect, it } from "vitest";
import { PaginationError } from "./errors.ts";
import type { AgentProfilePool } from "./models/pool.ts";
import { testClient, V2 } from "./test/client.ts";
import { pool, uuidAt } from "./test/fixtures.ts";
import type { Recorded } from "./test/server.ts";
import { useTestServer } from "./test/use-server.ts";

const server = useTestServer();
const ROUTE = `GET ${V2}/agent-profile-pools`;

const pools = (count: number) =>
  Array.from({ length: count }, (_, i) => pool({ id: uuidAt(i), name: `p${i}` }));

/** Page `n` of `items`, `size` per page, as the API would answer with `total`. */
function pageOf(items: AgentProfilePool[], request: Recorded, size: number, total = items.length) {
  const n = Number(request.query.get("page"));
  return { json: { items: items.slice((n - 1) * size, n * size), page: n, pageSize: size, total } };
}

async function walk(pageSize: number): Promise<string[]> {
  const names: string[] = [];
  for await (const p of testClient(server).pools.listAll({ pageSize })) names.push(p.name);
  return names;
}

const asked = (page: number) => server.requests.filter((r) => r.query.get("page") === String(page)).length;

describe("listAll", () => {
  it("asks once more for a page short of the total, and goes on when the second answer is whole", async () => {
    const all = pools(6);
    let shortOnce = true;
    server.route(ROUTE, (request) => {
      const answer = pageOf(all, request, 2);
      if (request.query.get("page") === "2" && shortOnce) {
        shortOnce = false;
        return { json: { ...answer.json, items: answer.json.items.slice(0, 1) } };
      }
      return answer;
    });
    expect(await walk(2)).toEqual(["p0", "p1", "p2", "p3", "p4", "p5"]);
    expect(asked(2)).toBe(2);
  });

  it("rejects with PaginationError when a page comes back short of the total twice", async () => {
    // 100 items promised, 17 served: the walk must not end quietly with 83 missing.
    const all = pools(17);
    server.route(ROUTE, (request) => pageOf(all, request, 10, 100));
    const names: string[] = [];
    const error = await (async () => {
      for await (const p of testClient(server).pools.listAll({ pageSize: 10 })) names.push(p.name);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).problem).toBe("short_page");
    expect((error as PaginationError).page).toBe(2);
    expect((error as PaginationError).mayHaveActed).toBe(false);
    expect((error as Error).message).toBe(
      "Page 2 of the list came back with 7 of its 10 items although the total is 100, and again when asked once more: the list is incomplete. Try again later.",
    );
    expect(names).toHaveLength(10);
    expect(asked(2)).toBe(2);
  });

  it("rejects with PaginationError, instead of looping, when the server ignores the page parameter", async () => {
    const first = pools(3);
    server.route(ROUTE, () => ({ json: { items: first, page: 1, pageSize: 3, total: 30 } }));
    const error = await walk(3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).problem).toBe("repeated_page");
    expect((error as Error).message).toBe(
      "Page 2 of the list came back with the same items as page 1: the server seems to ignore the page parameter, so the walk stopped instead of looping.",
    );
  });

  it("yields no id twice when an insert ahead of the walk pushes an item onto the next page", async () => {
    const all = pools(6);
    server.route(ROUTE, (request) => {
      // Between page 1 and page 2 a pool is inserted at the front: page 2 starts with p1 again.
      const n = Number(request.query.get("page"));
      const now = n === 1 ? all : [pool({ id: uuidAt(100), name: "new" }), ...all];
      return pageOf(now, request, 2, now.length);
    });
    const names = await walk(2);
    expect(names).toEqual(["p0", "p1", "p2", "p3", "p4", "p5"]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("ends at an empty page past the end, without error", async () => {
    const all = pools(4);
    server.route(ROUTE, (request) =>
      pageOf(all, request, 2, Number(request.query.get("page")) === 1 ? 6 : 4),
    );
    expect(await walk(2)).toEqual(["p0", "p1", "p2", "p3"]);
  });
});
