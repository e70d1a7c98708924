import { useKeyHandler } from "./keyRouter.ts";
import { type KeyPress, keyPresses, singleKeys } from "./keys.ts";
import { listCommand } from "./listKeys.ts";
import { type ListAction, type ListState, listReducer, selectedItem } from "./listState.ts";
import { useLatest } from "./useLatest.ts";

/**
 * Wires a list to the keyboard: the keys every list shares, then `extra` for the screen's own
 * (it returns true for a key it used). Enter calls `onOpen` with the selected row; Esc with no
 * filter to clear calls `onBack`.
 */
export function useListKeys<T extends { id: string }>(
  state: ListState<T>,
  dispatch: (action: ListAction<T>) => void,
  options: {
    /** Whether keys go to the list; a function is asked when each key arrives. */
    readonly active: boolean | (() => boolean);
    readonly onOpen?: (item: T) => void;
    readonly onBack?: () => void;
    /**
     * The screen's own keys, first; `state` is the list as the keys so far left it. It returns true
     * when it used the key, or a change to make to the list.
     */
    readonly extra?: (press: KeyPress, item: T | undefined, state: ListState<T>) => boolean | ListAction<T>;
  },
) {
  const latest = useLatest(state);
  useKeyHandler((input, key) => {
    for (const press of keyPresses(input, key)) {
      // While the filter is typed, a chunk of characters is text; otherwise each is a key.
      for (const single of latest.current.filtering ? [press] : singleKeys(press)) {
        const current = latest.current;
        const extra = current.filtering ? false : options.extra?.(single, selectedItem(current), current);
        if (typeof extra === "object") {
          latest.current = listReducer(current, extra);
          dispatch(extra);
          continue;
        }
        if (extra) continue;
        const command = listCommand(current, single);
        if (command?.kind === "list") {
          latest.current = listReducer(current, command.action);
          dispatch(command.action);
        } else if (command?.kind === "open") {
          const item = selectedItem(current);
          if (item) options.onOpen?.(item);
        } else if (command?.kind === "back") options.onBack?.();
      }
    }
  }, options.active);
  return latest;
}
