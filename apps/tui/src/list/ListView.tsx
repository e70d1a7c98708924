import { Box, Text } from "ink";
import type { ReactNode } from "react";
import type { ResolvedBinding } from "../keys/binding.ts";
import { HintLine } from "../keys/HintLine.tsx";
import { ListHeader } from "./ListHeader.tsx";
import type { ListState } from "./listState.ts";
import { type Column, Table } from "./Table.tsx";
import { detailWidth } from "./viewport.ts";

/**
 * A list view's body: the header line, the windowed table, the hint line from the list's
 * bindings and, where there is room, the detail pane of the selected row.
 */
export function ListView<T extends { id: string }>(props: {
  readonly state: ListState<T>;
  readonly noun: string;
  readonly searchBy: string;
  readonly columns: readonly Column<T>[];
  readonly width: number;
  readonly height: number;
  readonly focused: boolean;
  /** What the table says when it has no rows. */
  readonly empty: string;
  readonly headerExtra?: string | undefined;
  /** Nothing can be fetched yet, and the table says why. */
  readonly stalled?: boolean;
  readonly bindings: readonly ResolvedBinding[];
  /** The detail pane of the selected row, given its width and height. */
  readonly detail: (width: number, height: number) => ReactNode;
}) {
  const { state } = props;
  const side = detailWidth(props.width);
  const tableWidth = props.width - side;
  return (
    <Box flexDirection="row" height={props.height} width={props.width} flexShrink={0}>
      <Box flexDirection="column" width={tableWidth} flexShrink={0}>
        <ListHeader
          state={state}
          noun={props.noun}
          searchBy={props.searchBy}
          extra={props.headerExtra}
          stalled={props.stalled ?? false}
          width={tableWidth}
        />
        <Table
          columns={props.columns}
          width={tableWidth}
          items={state.items}
          cursor={state.cursor}
          height={Math.max(0, props.height - 2)}
          focused={props.focused}
          sort={{ field: state.query.sortField, direction: state.query.sortDirection }}
          empty={props.empty}
        />
        {props.height > 2 ? (
          <Text>
            {" "}
            <HintLine bindings={props.bindings} width={tableWidth - 1} />
          </Text>
        ) : null}
      </Box>
      {side > 0 ? props.detail(side, props.height) : null}
    </Box>
  );
}
