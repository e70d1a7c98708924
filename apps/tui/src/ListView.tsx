import { Box } from "ink";
import type { ReactNode } from "react";
import { ListHeader } from "./ListHeader.tsx";
import type { ListState } from "./listState.ts";
import { type Column, Table } from "./Table.tsx";
import { detailWidth } from "./viewport.ts";

/** A list screen's body: the header line, the windowed table and, where there is room, the detail pane. */
export function ListView<T extends { id: string }>(props: {
  readonly state: ListState<T>;
  readonly noun: string;
  readonly columns: readonly Column<T>[];
  readonly width: number;
  readonly height: number;
  readonly focused: boolean;
  readonly empty: string;
  readonly headerExtra?: string;
  /** The detail pane of the selected row, given the width it gets. */
  readonly detail: (width: number) => ReactNode;
}) {
  const { state } = props;
  const side = detailWidth(props.width);
  const empty = state.loaded
    ? state.query.search
      ? `no ${props.noun}s match "${state.query.search}"`
      : props.empty
    : "loading…";
  return (
    <Box flexDirection="row" height={props.height} width={props.width}>
      <Box flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden">
        <ListHeader
          state={state}
          noun={props.noun}
          {...(props.headerExtra ? { extra: props.headerExtra } : {})}
        />
        <Table
          columns={props.columns}
          width={props.width - side}
          items={state.items}
          cursor={state.cursor}
          height={props.height - 1}
          focused={props.focused}
          sort={{ field: state.query.sortField, direction: state.query.sortDirection }}
          empty={empty}
        />
      </Box>
      {side > 0 ? props.detail(side) : null}
    </Box>
  );
}
