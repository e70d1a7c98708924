import { Text } from "ink";
import { render } from "ink-testing-library";
import { useReducer } from "react";
import { describe, expect, test } from "vitest";
import { initialListState, type ListAction, type ListQuery, listReducer } from "./listState.ts";
import { type PageSource, useListData } from "./useList.ts";

type Row = { id: string };

/** A page source whose answers the test releases by hand, in any order. */
function controlledSource(total?: number) {
  const calls: { query: ListQuery; signal: AbortSignal; answer: (items: Row[]) => void }[] = [];
  const source: PageSource<Row> = (query, _pageSize, signal) =>
    new Promise((resolve) => {
      calls.push({ query, signal, answer: (items) => resolve({ items, total: total ?? items.length }) });
    });
  return { source, calls };
}

function Harness(props: {
  source: PageSource<Row>;
  expose: (dispatch: (a: ListAction<Row>) => void) => void;
}) {
  const [state, dispatch] = useReducer(
    listReducer<Row>,
    { pageSize: 10, sortFields: ["name"] },
    initialListState<Row>,
  );
  useListData(state, dispatch, props.source, { enabled: true });
  props.expose(dispatch);
  return (
    <Text>
      page:{state.shownPage} rows:{state.items.map((r) => r.id).join(",")}
    </Text>
  );
}

async function until(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const rows = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}` }));

describe("useListData", () => {
  test("an older response never overwrites a newer one, and the older request is aborted", async () => {
    const { source, calls } = controlledSource();
    let dispatch: (a: ListAction<Row>) => void = () => {};
    const app = render(<Harness source={source} expose={(d) => (dispatch = d)} />);
    await until(() => calls.length === 1);
    dispatch({ type: "applySearch", search: "a" });
    await until(() => calls.length === 2);
    dispatch({ type: "applySearch", search: "ab" });
    await until(() => calls.length === 3);
    const [, older, newer] = calls;
    expect(older?.signal.aborted).toBe(true);
    newer?.answer([{ id: "ab-row" }]);
    await until(() => app.lastFrame()?.includes("ab-row") ?? false);
    older?.answer([{ id: "a-row" }]);
    calls[0]?.answer([{ id: "first-row" }]);
    // A later request settles after the stale answers did; no frame in between ever showed them.
    dispatch({ type: "refresh" });
    await until(() => calls.length === 4);
    calls[3]?.answer([{ id: "ab-row" }, { id: "refreshed" }]);
    await until(() => app.lastFrame()?.includes("refreshed") ?? false);
    expect(app.frames.some((frame) => frame.includes("a-row") || frame.includes("first-row"))).toBe(false);
    app.unmount();
  });

  test("typing in the filter asks the server once, for what was typed when the typing paused", async () => {
    const { source, calls } = controlledSource();
    let dispatch: (a: ListAction<Row>) => void = () => {};
    const app = render(<Harness source={source} expose={(d) => (dispatch = d)} />);
    await until(() => calls.length === 1);
    for (const text of ["p", "pa", "pay"]) dispatch({ type: "typeFilter", text });
    await until(() => calls.length === 2);
    calls[1]?.answer([{ id: "payroll" }]);
    await until(() => app.lastFrame()?.includes("payroll") ?? false);
    expect(calls.map((call) => call.query.search)).toEqual(["", "pay"]);
    app.unmount();
  });

  test("the next page is fetched ahead, so moving to it shows it without waiting for the server", async () => {
    const { source, calls } = controlledSource(30);
    let dispatch: (a: ListAction<Row>) => void = () => {};
    const app = render(<Harness source={source} expose={(d) => (dispatch = d)} />);
    await until(() => calls.length === 1);
    calls[0]?.answer(rows("one-", 10));
    await until(() => calls.length === 2);
    expect(calls[1]?.query.page).toBe(2);
    calls[1]?.answer(rows("two-", 10));
    // Let the answer reach the list's cache before the key that asks for its page.
    await new Promise((resolve) => setTimeout(resolve, 0));
    dispatch({ type: "page", by: 1 });
    await until(() => app.lastFrame()?.includes("two-0") ?? false);
    expect(app.lastFrame()).toContain("page:2");
    // Page 2 came from what was fetched ahead: the only new request is for page 3, ahead again.
    await until(() => calls.length === 3);
    expect(calls.map((call) => call.query.page)).toEqual([1, 2, 3]);
    app.unmount();
  });
});
