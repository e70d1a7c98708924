import { Text } from "ink";
import { render } from "ink-testing-library";
import { describe, expect, test } from "vitest";
import type { ListAction, ListQuery } from "./listState.ts";
import { type PageSource, useList } from "./useList.ts";

type Row = { id: string };

/** A page source whose answers the test releases by hand, in any order. */
function controlledSource() {
  const calls: { query: ListQuery; signal: AbortSignal; answer: (items: Row[]) => void }[] = [];
  const source: PageSource<Row> = (query, _pageSize, signal) =>
    new Promise((resolve) => {
      calls.push({ query, signal, answer: (items) => resolve({ items, total: items.length }) });
    });
  return { source, calls };
}

function Harness(props: {
  source: PageSource<Row>;
  expose: (dispatch: (a: ListAction<Row>) => void) => void;
}) {
  const [state, dispatch] = useList(props.source, { initial: { pageSize: 10, sortFields: ["name"] } });
  props.expose(dispatch);
  return <Text>rows:{state.items.map((r) => r.id).join(",")}</Text>;
}

async function until(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("useList", () => {
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
});
