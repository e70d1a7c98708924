import { Box, Text } from "ink";
import { memo, useMemo, useRef } from "react";
import { sanitize } from "./sanitize.ts";
import { type Theme, useTheme } from "./theme.ts";
import { windowTop } from "./viewport.ts";

/** One column of a table. */
export type Column<T> = {
  readonly title: string;
  /** Width in terminal cells; the column without one takes the room that is left. */
  readonly width?: number;
  readonly align?: "left" | "right";
  /** The cell's text; it is sanitised before it is drawn. */
  readonly cell: (item: T) => string;
  readonly colour?: (item: T, theme: Theme) => string | undefined;
  /** The sort field this column shows, so the header can mark the sort. */
  readonly sortField?: string;
  /** May be left out when the terminal is narrow; the rightmost such columns go first. */
  readonly optional?: boolean;
};

/** The narrowest the column without a width may get before optional columns make room for it. */
export const MIN_GROW_WIDTH = 16;

/** The columns that fit in `width`: optional ones are dropped, rightmost first, until the free column has room. */
export function fittingColumns<T>(columns: readonly Column<T>[], width: number): readonly Column<T>[] {
  let shown = [...columns];
  const room = (cols: readonly Column<T>[]) =>
    width - 1 - cols.reduce((sum, column) => sum + (column.width ?? 0) + 1, 0);
  while (room(shown) < MIN_GROW_WIDTH) {
    const drop = shown.findLastIndex((column) => column.optional);
    if (drop === -1) break;
    shown = shown.filter((_, index) => index !== drop);
  }
  return shown;
}

/** The box of a column's cells and of its title, so that the header lines up with the rows. */
function cellLayout<T>(column: Column<T>) {
  const grows = column.width === undefined;
  return {
    width: column.width,
    flexGrow: grows ? 1 : 0,
    flexShrink: grows ? 1 : 0,
    flexBasis: grows ? 0 : undefined,
    marginRight: 1,
    justifyContent: column.align === "right" ? "flex-end" : "flex-start",
    overflow: "hidden",
  } as const;
}

type RowProps<T> = {
  readonly item: T;
  readonly columns: readonly Column<T>[];
  readonly selected: boolean;
  readonly focused: boolean;
};

function RowView<T>({ item, columns, selected, focused }: RowProps<T>) {
  const theme = useTheme();
  return (
    <Box flexDirection="row" width="100%" height={1} flexShrink={0}>
      <Text inverse={selected && focused} bold={selected}>
        {selected ? "›" : " "}
      </Text>
      {columns.map((column) => (
        <Box key={column.title} {...cellLayout(column)}>
          <Text
            wrap="truncate-end"
            inverse={selected && focused}
            bold={selected && !focused}
            color={selected && focused ? undefined : column.colour?.(item, theme)}
          >
            {sanitize(column.cell(item))}
          </Text>
        </Box>
      ))}
    </Box>
  );
}

// A cursor move re-renders only the two rows whose `selected` changed.
const Row = memo(RowView) as typeof RowView;

/**
 * A table that draws only the rows that fit in `height` (plus its header), scrolling with the
 * cursor. Every cell passes through `sanitize()`.
 */
export function Table<T extends { id: string }>(props: {
  readonly columns: readonly Column<T>[];
  /** How wide the table may be, to choose which columns fit. */
  readonly width: number;
  readonly items: readonly T[];
  readonly cursor: number;
  readonly height: number;
  /** Whether keys go to this table (the selected row is drawn inverse). */
  readonly focused: boolean;
  readonly sort?: { field: string; direction: "asc" | "desc" };
  readonly empty: string;
}) {
  const theme = useTheme();
  const top = useRef(0);
  const rows = Math.max(1, props.height - 1);
  top.current = windowTop(top.current, props.cursor, rows, props.items.length);
  const visible = props.items.slice(top.current, top.current + rows);
  const columns = useMemo(() => fittingColumns(props.columns, props.width), [props.columns, props.width]);
  return (
    <Box flexDirection="column" height={props.height} overflow="hidden">
      <Box flexDirection="row" height={1} flexShrink={0}>
        <Text> </Text>
        {columns.map((column) => {
          const sorted = column.sortField !== undefined && column.sortField === props.sort?.field;
          const arrow = sorted ? (props.sort?.direction === "asc" ? " ▲" : " ▼") : "";
          return (
            <Box key={column.title} {...cellLayout(column)}>
              <Text bold color={theme.muted} wrap="truncate-end">
                {column.title.toUpperCase()}
                {arrow}
              </Text>
            </Box>
          );
        })}
      </Box>
      {visible.length === 0 ? (
        <Text color={theme.muted}> {sanitize(props.empty)}</Text>
      ) : (
        visible.map((item, index) => (
          <Row
            key={item.id}
            item={item}
            columns={columns}
            selected={top.current + index === props.cursor}
            focused={props.focused}
          />
        ))
      )}
    </Box>
  );
}
