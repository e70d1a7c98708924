import type { Binding } from "../keys/binding.ts";
import type { ViewContext } from "../shell/viewStack.ts";
import { dispatchList } from "./listBindings.ts";
import type { ListState } from "./listState.ts";

/**
 * The filter `by` steps to from `current`: all (undefined), then each of `values`, and round again.
 * A filter that stands for several values (`group`) steps on as from all.
 */
export function stepFilter(
  values: readonly string[],
  current: string | undefined,
  by: number,
): string | undefined {
  const cycle = [undefined, ...values];
  const at = Math.max(0, cycle.indexOf(current));
  return cycle[(at + by + cycle.length) % cycle.length];
}

/**
 * The keys of a list filtered by one of `values` (f and F step both ways) or by `group`, the
 * values that are not done yet (`a`, and again for all). `what` the values are: `status`, `state`.
 */
export function statusFilterBindings<T extends { id: string }>(
  what: string,
  values: readonly string[],
  group: { readonly value: string; readonly description: string },
): readonly Binding<ViewContext<ListState<T>>>[] {
  return [
    {
      keys: ["f"],
      description: `next ${what} filter`,
      hint: what,
      handler: (c) =>
        dispatchList(c, { type: "setStatus", status: stepFilter(values, c.state.query.status, 1) }),
    },
    {
      keys: ["F"],
      description: `previous ${what} filter`,
      handler: (c) =>
        dispatchList(c, { type: "setStatus", status: stepFilter(values, c.state.query.status, -1) }),
    },
    {
      keys: ["a"],
      description: `${group.description} (again: all)`,
      hint: group.value,
      handler: (c) =>
        dispatchList(c, {
          type: "setStatus",
          status: c.state.query.status === group.value ? undefined : group.value,
        }),
    },
  ];
}
