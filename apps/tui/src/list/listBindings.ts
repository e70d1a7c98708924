import { editText } from "../form/textEdit.ts";
import type { Binding } from "../keys/binding.ts";
import type { KeyPress } from "../keys/keyPress.ts";
import type { ViewContext } from "../shell/viewStack.ts";
import { type ListAction, type ListState, listReducer } from "./listState.ts";

type Context<T extends { id: string }> = ViewContext<ListState<T>>;

/** Rows of the table on screen: the view's height less the list header, the column titles and the hint line. */
export function tableRows(context: { area: { height: number } }): number {
  return Math.max(1, context.area.height - 3);
}

/** Applies `action` to the list at once, so the next key of a burst sees it. */
export function dispatchList<T extends { id: string }>(context: Context<T>, action: ListAction<T>): void {
  context.set((state) => listReducer(state, action));
}

function on<T extends { id: string }>(action: (context: Context<T>) => ListAction<T>) {
  return (context: Context<T>) => dispatchList(context, action(context));
}

/**
 * The keys every list shares, k9s and less style: one row, half a screen (Ctrl+D/U), one screen
 * (PgDn/PgUp), the first and last row of the whole list, a server page (`]`/`[`), the filter,
 * the sort and a refresh. `searchBy` says what the filter matches, in the help.
 */
export function listBindings<T extends { id: string }>(searchBy: string): readonly Binding<Context<T>>[] {
  return [
    {
      keys: ["j", "down"],
      description: "down (past the last row: the next page)",
      handler: on(() => ({ type: "move", by: 1 })),
    },
    {
      keys: ["k", "up"],
      description: "up (past the first row: the page before)",
      handler: on(() => ({ type: "move", by: -1 })),
    },
    {
      keys: ["ctrl+d"],
      description: "down half a screen",
      handler: on((c) => ({ type: "move", by: Math.max(1, Math.floor(tableRows(c) / 2)) })),
    },
    {
      keys: ["ctrl+u"],
      description: "up half a screen",
      handler: on((c) => ({ type: "move", by: -Math.max(1, Math.floor(tableRows(c) / 2)) })),
    },
    {
      keys: ["pagedown", "ctrl+f"],
      description: "down one screen",
      handler: on((c) => ({ type: "move", by: tableRows(c) })),
    },
    {
      keys: ["pageup", "ctrl+b"],
      description: "up one screen",
      handler: on((c) => ({ type: "move", by: -tableRows(c) })),
    },
    { keys: ["g", "home"], description: "first row of the whole list", handler: on(() => ({ type: "top" })) },
    {
      keys: ["G", "end"],
      description: "last row of the whole list",
      handler: on(() => ({ type: "bottom" })),
    },
    {
      keys: ["]"],
      description: "next page of the server's (100 rows)",
      handler: on(() => ({ type: "page", by: 1 })),
    },
    {
      keys: ["["],
      description: "previous page of the server's",
      handler: on(() => ({ type: "page", by: -1 })),
    },
    {
      keys: ["/"],
      description: `filter by ${searchBy} on the server (Enter keeps it, Esc clears it)`,
      hint: "filter",
      handler: on(() => ({ type: "startFilter" })),
    },
    { keys: ["s"], description: "next sort field", hint: "sort", handler: on(() => ({ type: "cycleSort" })) },
    { keys: ["S"], description: "flip the sort direction", handler: on(() => ({ type: "flipDirection" })) },
    {
      keys: ["R"],
      description: "refresh (and reconnect)",
      hint: "refresh",
      retries: true,
      handler: (context) => {
        if (context.session.organizationId === undefined) context.session.retryContext();
        dispatchList(context, { type: "refresh" });
      },
    },
  ];
}

/** The keys while the filter is typed: everything printable is text, Enter keeps, Esc clears. */
export function filterBindings<T extends { id: string }>(): readonly Binding<Context<T>>[] {
  return [
    {
      keys: ["enter"],
      description: "keep the filter",
      hint: "keep",
      handler: on(() => ({ type: "keepFilter" })),
    },
    {
      keys: ["esc"],
      description: "clear the filter",
      hint: "clear",
      handler: on(() => ({ type: "clearFilter" })),
    },
    { keys: ["down"], description: "down", handler: on(() => ({ type: "move", by: 1 })) },
    { keys: ["up"], description: "up", handler: on(() => ({ type: "move", by: -1 })) },
    {
      keys: ["pagedown"],
      description: "down one screen",
      handler: on((c) => ({ type: "move", by: tableRows(c) })),
    },
    {
      keys: ["pageup"],
      description: "up one screen",
      handler: on((c) => ({ type: "move", by: -tableRows(c) })),
    },
  ];
}

/** A key typed into the filter. */
export function typeIntoFilter<T extends { id: string }>(context: Context<T>, press: KeyPress): void {
  const draft = context.state.filterDraft;
  const edited = editText({ value: draft, cursor: draft.length }, press);
  if (edited !== undefined && edited.value !== draft)
    dispatchList(context, { type: "typeFilter", text: edited.value });
}
