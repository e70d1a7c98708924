import { Box, Text } from "ink";
import { useEffect, useRef } from "react";
import { useKeyHandler } from "./keyRouter.ts";
import { keyPresses } from "./keys.ts";
import { selectedItem } from "./listState.ts";
import { sanitize } from "./sanitize.ts";
import { useTheme } from "./theme.ts";
import { useLatest } from "./useLatest.ts";
import { type PageSource, useList } from "./useList.ts";

/**
 * The list under a pick field of a form, open while the field is focused: typing filters it on the
 * server, ↑ ↓ choose (the row under the cursor is the choice), Backspace on an empty filter clears
 * the choice and Enter picks the marked row (again); Enter never submits the form. Until a key is
 * pressed here, the field keeps the value it had.
 */
export function Picker<T extends { id: string }>(props: {
  readonly source: PageSource<T>;
  readonly sortFields: readonly string[];
  readonly label: (item: T) => string;
  readonly focused: boolean;
  /** Whether keys go to the picker, asked as each key arrives. */
  readonly hasKeys: () => boolean;
  readonly rows?: number;
  readonly onPick: (item: T | undefined) => void;
  readonly onError: (error: unknown) => void;
}) {
  const theme = useTheme();
  const rows = props.rows ?? 5;
  const [state, dispatch] = useList(props.source, {
    initial: { pageSize: 20, sortFields: props.sortFields },
    enabled: props.focused,
    onError: props.onError,
  });
  const touched = useRef(false);
  const draftRef = useLatest(state.filterDraft);
  const chosen = selectedItem(state);
  const onPick = props.onPick;
  useEffect(() => {
    if (touched.current && chosen !== undefined) onPick(chosen);
  }, [chosen, onPick]);

  useKeyHandler((input, key) => {
    let draft = draftRef.current;
    for (const press of keyPresses(input, key)) {
      // Tab and Esc belong to the form, and so does everything after them in a chunk.
      if (["tab", "shift+tab", "esc"].includes(press.name)) break;
      if (press.name === "enter") {
        // Untouched, no row is marked, so there is nothing to pick.
        if (touched.current && chosen !== undefined) onPick(chosen);
        continue;
      }
      touched.current = true;
      if (press.name === "up") dispatch({ type: "move", by: -1 });
      else if (press.name === "down") dispatch({ type: "move", by: 1 });
      else if (press.name === "pageup") dispatch({ type: "page", by: -1 });
      else if (press.name === "pagedown") dispatch({ type: "page", by: 1 });
      else if (press.name === "backspace" && draft === "") onPick(undefined);
      else if (press.name === "backspace") draft = draft.slice(0, -1);
      else if (press.name === "ctrl+u") draft = "";
      else if (press.text !== "") draft += press.text;
    }
    if (draft !== draftRef.current) {
      draftRef.current = draft;
      dispatch({ type: "typeFilter", text: draft });
    }
  }, props.hasKeys);

  if (!props.focused) return null;
  const top = Math.max(0, Math.min(state.cursor - Math.floor(rows / 2), state.items.length - rows));
  const visible = state.items.slice(top, top + rows);
  return (
    <Box flexDirection="column">
      <Text color={theme.muted}>
        filter: <Text color={theme.accent}>{sanitize(state.filterDraft)}</Text>
        <Text inverse> </Text>
        {state.loading ? " loading…" : ` ${state.total} match${state.total === 1 ? "" : "es"}`}
      </Text>
      {visible.length === 0 && !state.loading ? <Text color={theme.muted}>nothing matches</Text> : null}
      {visible.map((item, index) => {
        const selected = top + index === state.cursor && touched.current;
        return (
          <Text key={item.id} inverse={selected} wrap="truncate-end">
            {selected ? "› " : "  "}
            {sanitize(props.label(item))}
          </Text>
        );
      })}
    </Box>
  );
}
