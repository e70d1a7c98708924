import { describe, expect, it } from "vitest";
import { type PoolQuery, PoolTable } from "./pool-table.ts";

const ORG_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const ORG_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

function table() {
  let n = 0;
  let clock = Date.parse("2025-01-01T00:00:00Z");
  return new PoolTable({
    uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
    now: () => (clock += 1000),
    organizationId: () => ORG_A,
  });
}

const query = (q: Partial<PoolQuery>): PoolQuery => ({
  sortField: "name",
  sortDirection: "asc",
  page: 1,
  pageSize: 50,
  ...q,
});
const names = (result: { items: { name: string }[] }) => result.items.map((pool) => pool.name);

describe("listing pools by organization and name", () => {
  it("lists only the named organization's pools, in order and paged, with its own total", () => {
    const pools = table();
    pools.addMany([
      { name: "delta", organizationId: ORG_B },
      { name: "alpha" },
      { name: "charlie", organizationId: ORG_B },
      { name: "bravo" },
    ]);
    pools.add({ name: "echo", organizationId: ORG_B });
    expect(names(pools.list(query({ organizationId: ORG_B })))).toEqual(["charlie", "delta", "echo"]);
    expect(
      names(pools.list(query({ organizationId: ORG_B, sortDirection: "desc", pageSize: 2, page: 2 }))),
    ).toEqual(["charlie"]);
    expect(pools.list(query({ organizationId: ORG_A })).total).toBe(2);
    expect(pools.list(query({})).total).toBe(5);
    expect(pools.list(query({ organizationId: "cccccccc-cccc-4ccc-8ccc-cccccccccccc" }))).toEqual({
      items: [],
      total: 0,
    });
  });

  it("answers a repeated search with what changed since, not what it found before", () => {
    const pools = table();
    const first = pools.add({ name: "Payroll admins" });
    pools.add({ name: "Support" });
    const search = query({ organizationId: ORG_A, searchName: "PAY" });
    expect(names(pools.list(search))).toEqual(["Payroll admins"]);

    pools.add({ name: "Payments" });
    expect(names(pools.list(search))).toEqual(["Payments", "Payroll admins"]);

    pools.update(first.id, { name: "Admins" });
    expect(names(pools.list(search))).toEqual(["Payments"]);
    expect(names(pools.list({ ...search, searchName: "admin" }))).toEqual(["Admins"]);

    pools.clear();
    expect(pools.list(search)).toEqual({ items: [], total: 0 });
  });

  it("keeps an organization's order when a pool's sort key changes", () => {
    const pools = table();
    const a = pools.add({ name: "a" });
    pools.add({ name: "b" });
    pools.add({ name: "b", organizationId: ORG_B });
    pools.update(a.id, { allowConcurrentUse: true });
    const byUpdate = pools.list(
      query({ organizationId: ORG_A, sortField: "updated_at", sortDirection: "desc" }),
    );
    expect(names(byUpdate)).toEqual(["a", "b"]);
  });
});
