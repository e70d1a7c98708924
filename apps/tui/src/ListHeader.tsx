import { Box, Text } from "ink";
import { plural } from "./format.ts";
import { type ListState, pageCount } from "./listState.ts";
import { sanitize } from "./sanitize.ts";
import { useTheme } from "./theme.ts";

/**
 * The line above a list: how many rows match, which page is shown, the sort, and the filter
 * (with a cursor while it is being typed).
 */
export function ListHeader<T extends { id: string }>(props: {
  readonly state: ListState<T>;
  readonly noun: string;
  readonly extra?: string;
}) {
  const theme = useTheme();
  const { state } = props;
  const filter = state.filtering || state.filterDraft !== "";
  return (
    <Box flexDirection="row" gap={2} height={1} flexShrink={0} overflow="hidden">
      <Text bold>{state.loaded ? plural(state.total, props.noun) : `${props.noun}s`}</Text>
      <Text color={theme.muted}>
        page {state.shownPage}/{pageCount(state)}
      </Text>
      <Text color={theme.muted}>
        sort {state.query.sortField} {state.query.sortDirection === "asc" ? "▲" : "▼"}
      </Text>
      {props.extra ? <Text color={theme.accent}>{props.extra}</Text> : null}
      {filter ? (
        <Text color={state.filtering ? theme.accent : undefined}>
          /{sanitize(state.filterDraft)}
          {state.filtering ? <Text inverse> </Text> : null}
        </Text>
      ) : (
        <Text color={theme.muted}>/ filter</Text>
      )}
      {state.loading ? <Text color={theme.muted}>loading…</Text> : null}
    </Box>
  );
}
