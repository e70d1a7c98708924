import { actionFor, type KeyPress, LIST_KEYS } from "./keys.ts";
import type { ListAction, ListState } from "./listState.ts";
import { editText } from "./textEdit.ts";

/** What a key does to a list: change its state, open the selected row, or go back (Esc with nothing to clear). */
export type ListCommand<T> = { kind: "list"; action: ListAction<T> } | { kind: "open" } | { kind: "back" };

const list = <T>(action: ListAction<T>): ListCommand<T> => ({ kind: "list", action });

/** The command for one key press in a list; undefined when the list has no use for the key. */
export function listCommand<T extends { id: string }>(
  state: ListState<T>,
  press: KeyPress,
): ListCommand<T> | undefined {
  if (state.filtering) {
    switch (press.name) {
      case "esc":
        return list({ type: "clearFilter" });
      case "enter":
        return list({ type: "keepFilter" });
      case "up":
        return list({ type: "move", by: -1 });
      case "down":
        return list({ type: "move", by: 1 });
      case "pageup":
        return list({ type: "page", by: -1 });
      case "pagedown":
        return list({ type: "page", by: 1 });
    }
    const edited = editText({ value: state.filterDraft, cursor: state.filterDraft.length }, press);
    return edited === undefined ? undefined : list({ type: "typeFilter", text: edited.value });
  }
  switch (actionFor(LIST_KEYS, press.name)) {
    case "down":
      return list({ type: "move", by: 1 });
    case "up":
      return list({ type: "move", by: -1 });
    case "top":
      return list({ type: "top" });
    case "bottom":
      return list({ type: "bottom" });
    case "previousPage":
      return list({ type: "page", by: -1 });
    case "nextPage":
      return list({ type: "page", by: 1 });
    case "filter":
      return list({ type: "startFilter" });
    case "escape":
      return state.query.search !== "" || state.filterDraft !== ""
        ? list({ type: "clearFilter" })
        : { kind: "back" };
    case "sort":
      return list({ type: "cycleSort" });
    case "direction":
      return list({ type: "flipDirection" });
    case "open":
      return { kind: "open" };
    case "refresh":
      return list({ type: "refresh" });
    default:
      return undefined;
  }
}
