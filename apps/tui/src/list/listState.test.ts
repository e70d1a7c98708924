import { describe, expect, test } from "vitest";
import { initialListState, type ListState, listReducer, pageCount, queryKey } from "./listState.ts";

type Row = { id: string };
const rows = (from: number, count: number): Row[] =>
  Array.from({ length: count }, (_, i) => ({ id: `r${from + i}` }));

function loaded(state: ListState<Row>, items: Row[], total: number): ListState<Row> {
  return listReducer(state, { type: "loaded", key: queryKey(state.query), items, total, at: new Date(0) });
}

const start = () =>
  loaded(initialListState<Row>({ pageSize: 10, sortFields: ["name", "created_at"] }), rows(0, 10), 25);

describe("listReducer", () => {
  test("moves the cursor within the page and stops at its ends", () => {
    let state = start();
    state = listReducer(state, { type: "move", by: 1 });
    expect(state.cursor).toBe(1);
    state = listReducer(state, { type: "move", by: -5 });
    expect(state.cursor).toBe(0);
  });

  test("moving past the last row asks for the next page and lands on its first row", () => {
    let state = listReducer(start(), { type: "bottom" });
    expect(state.query.page).toBe(3);
    state = loaded(state, rows(20, 5), 25);
    expect(state.cursor).toBe(4);
    state = listReducer(start(), { type: "move", by: 9 });
    state = listReducer(state, { type: "move", by: 1 });
    expect(state.query.page).toBe(2);
    state = loaded(state, rows(10, 10), 25);
    expect(state.cursor).toBe(0);
  });

  test("a held key does not skip pages while the next page is on its way", () => {
    let state = listReducer(start(), { type: "move", by: 9 });
    state = listReducer(state, { type: "move", by: 1 });
    state = listReducer(state, { type: "move", by: 1 });
    expect(state.query.page).toBe(2);
  });

  test("moving above the first row of a later page goes to the last row of the page before", () => {
    let state = loaded(listReducer(start(), { type: "page", by: 1 }), rows(10, 10), 25);
    state = listReducer(state, { type: "top" });
    expect(state.query.page).toBe(1);
    state = loaded(listReducer(start(), { type: "page", by: 1 }), rows(10, 10), 25);
    state = listReducer(state, { type: "move", by: -1 });
    expect(state.query.page).toBe(1);
    expect(loaded(state, rows(0, 10), 25).cursor).toBe(9);
  });

  test("page changes keep the cursor's row number and stay within the pages there are", () => {
    let state = listReducer(start(), { type: "move", by: 3 });
    state = loaded(listReducer(state, { type: "page", by: 1 }), rows(10, 10), 25);
    expect(state.cursor).toBe(3);
    state = listReducer(state, { type: "page", by: 5 });
    expect(state.query.page).toBe(3);
    expect(pageCount(state)).toBe(3);
    state = listReducer(loaded(state, rows(20, 5), 25), { type: "page", by: -10 });
    expect(state.query.page).toBe(1);
  });

  test("an answer for a page the list no longer asks for is kept at hand, not shown", () => {
    let state = listReducer(start(), { type: "page", by: 1 });
    const page2 = queryKey(state.query);
    state = listReducer(state, { type: "page", by: 1 });
    state = listReducer(state, {
      type: "loaded",
      key: page2,
      items: rows(10, 10),
      total: 25,
      at: new Date(0),
    });
    expect(state.query.page).toBe(3);
    expect(state.items).toEqual(rows(0, 10));
    // Going back to it shows it at once, from what was kept.
    state = listReducer(state, { type: "page", by: -1 });
    expect(state.items).toEqual(rows(10, 10));
    expect(state.loading).toBe(false);
  });

  test("a page fetched ahead is kept without a new state, so nothing is drawn for it", () => {
    const state = start();
    const ahead = listReducer(state, {
      type: "cached",
      key: "somewhere",
      items: rows(10, 10),
      total: 25,
      at: new Date(0),
    });
    expect(ahead).toBe(state);
    expect(state.pages.get("somewhere")?.items).toEqual(rows(10, 10));
  });

  test("a failed load keeps the rows and the cursor, and records the error", () => {
    let state = listReducer(start(), { type: "move", by: 4 });
    state = listReducer(state, { type: "failed", error: new Error("503") });
    expect(state.items).toHaveLength(10);
    expect(state.cursor).toBe(4);
    expect(state.error).toBeInstanceOf(Error);
  });

  test("a refresh keeps the cursor on the same row even when rows before it appear", () => {
    let state = listReducer(start(), { type: "move", by: 2 });
    state = loaded(listReducer(state, { type: "refresh" }), [{ id: "new" }, ...rows(0, 9)], 26);
    expect(state.items[state.cursor]?.id).toBe("r2");
  });

  test("a refresh can put the cursor on a row just created", () => {
    const state = loaded(listReducer(start(), { type: "refresh", select: "r7" }), rows(0, 10), 25);
    expect(state.cursor).toBe(7);
  });

  test("the filter goes to page one; Enter applies it at once and Esc clears it", () => {
    let state = loaded(listReducer(start(), { type: "page", by: 1 }), rows(10, 10), 25);
    state = listReducer(state, { type: "startFilter" });
    state = listReducer(state, { type: "typeFilter", text: "pay" });
    expect(state.query.search).toBe("");
    state = listReducer(state, { type: "keepFilter" });
    expect(state.query).toMatchObject({ search: "pay", page: 1 });
    expect(state.filtering).toBe(false);
    state = listReducer(state, { type: "clearFilter" });
    expect(state.query.search).toBe("");
    expect(state.filterDraft).toBe("");
  });

  test("s cycles through the sort fields and S flips the direction", () => {
    let state = listReducer(start(), { type: "cycleSort" });
    expect(state.query.sortField).toBe("created_at");
    state = listReducer(state, { type: "cycleSort" });
    expect(state.query.sortField).toBe("name");
    state = listReducer(state, { type: "flipDirection" });
    expect(state.query.sortDirection).toBe("desc");
  });
});
