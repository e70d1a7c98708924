import type { ListAction, ListState } from "../list/listState.ts";
import { initialListState, listReducer } from "../list/listState.ts";
import type { PageSource } from "../list/useList.ts";
import type { Session } from "../shell/session.ts";

/** Where a pick field's choices come from and how each reads. */
export type PickerSpec<T extends { id: string }> = {
  readonly source: (session: Session) => PageSource<T>;
  readonly sortFields: readonly string[];
  readonly label: (item: T) => string;
};

/**
 * The list under a pick field. `marked` is the row the cursor is on, by id: none until the user
 * moves into the list or types a filter (then its first match). Only Enter makes the marked row
 * the field's value, so neither a filter edited nor a list reloaded changes what was picked.
 */
export type PickerState = { readonly list: ListState<{ id: string }>; readonly marked: string | undefined };

/** A closed picker with nothing typed and nothing marked. */
export function initialPicker(spec: PickerSpec<{ id: string }>): PickerState {
  return { list: initialListState({ pageSize: 20, sortFields: spec.sortFields }), marked: undefined };
}

/** The index of the marked row on the list, or -1. */
export function markedIndex(picker: PickerState): number {
  return picker.marked === undefined ? -1 : picker.list.items.findIndex((item) => item.id === picker.marked);
}

/** The picker after a list action; a new answer keeps the mark where its row still is. */
export function pickerReducer(picker: PickerState, action: ListAction<{ id: string }>): PickerState {
  const list = listReducer(picker.list, action);
  if (action.type !== "loaded") return { ...picker, list };
  const still = picker.marked !== undefined && list.items.some((item) => item.id === picker.marked);
  // A filter typed means "this one": its first match is marked. An empty filter marks nothing.
  const marked = still ? picker.marked : list.query.search === "" ? undefined : list.items[0]?.id;
  return { list, marked };
}

/** ↑ or ↓ in the picker: from no mark, the first row; then row by row. */
export function movePicker(picker: PickerState, by: number): PickerState {
  const items = picker.list.items;
  if (items.length === 0) return picker;
  const at = markedIndex(picker);
  const next = at === -1 ? 0 : Math.max(0, Math.min(items.length - 1, at + by));
  return { ...picker, marked: items[next]?.id, list: { ...picker.list, cursor: next } };
}

/** The picker as it opens on its field: the filter kept, nothing marked. */
export function openPicker(picker: PickerState): PickerState {
  return picker.marked === undefined ? picker : { ...picker, marked: undefined };
}
