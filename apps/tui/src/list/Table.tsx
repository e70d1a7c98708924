import { Box, Text } from "ink";
import { memo, useMemo, useRef } from "react";
import { fit, wrapLines } from "../common/cells.ts";
import { sanitize } from "../common/sanitize.ts";
import { statusColour, type Theme, useTheme } from "../common/theme.ts";
import { windowTop } from "./viewport.ts";

/** One column of a table. */
export type Column<T> = {
  readonly title: string;
  /** Width in terminal cells; the column without one takes the room that is left. */
  readonly width?: number;
  readonly align?: "left" | "right";
  /** The cell's text; it is sanitised and clipped to the column before it is drawn. */
  readonly cell: (item: T) => string;
  readonly colour?: (item: T, theme: Theme) => string | undefined;
  /** The sort field this column shows, so the header can mark the sort. */
  readonly sortField?: string;
  /** May be left out when the terminal is narrow; the rightmost such columns go first. */
  readonly optional?: boolean;
};

/** A column of statuses, each in its colour, sortable by `status`. */
export function statusColumn<T>(width: number, status: (item: T) => string): Column<T> {
  return {
    title: "Status",
    width,
    cell: status,
    colour: (item, theme) => statusColour(theme, status(item)),
    sortField: "status",
  };
}

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

/** Each column's width in cells: its own, or for the one without, the room the others leave. */
export function columnWidths<T>(columns: readonly Column<T>[], width: number): number[] {
  // One cell for the selection marker, one after each column but the last.
  const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0) + 1, 0);
  return columns.map((column) => column.width ?? Math.max(1, width - fixed));
}

/**
 * A table row as one line of exactly `width` cells or fewer: the marker, then each cell clipped to
 * its column, so no server text can push a column (or the pane beside the table) out of place.
 */
export function rowCells<T>(item: T, columns: readonly Column<T>[], widths: readonly number[]): string[] {
  return columns.map((column, index) => fit(sanitize(column.cell(item)), widths[index] ?? 1, column.align));
}

type RowProps<T> = {
  readonly item: T;
  readonly columns: readonly Column<T>[];
  readonly widths: readonly number[];
  readonly selected: boolean;
  readonly focused: boolean;
};

// One <Text> per row, its cells nested in it: Ink then lays out and writes one line, not a box per
// cell, and nothing in it needs Ink to clip it (see bench/README.md, keystrokes).
function RowView<T>({ item, columns, widths, selected, focused }: RowProps<T>) {
  const theme = useTheme();
  const cells = rowCells(item, columns, widths);
  if (selected && focused) return <Text inverse>{`›${cells.join(" ")}`}</Text>;
  // One string when nothing in the row has a colour of its own: Ink then has one text to lay out
  // and write, without the padding of the last cell.
  if (!columns.some((column) => column.colour)) {
    const line = ` ${cells.join(" ")}`.trimEnd();
    return selected ? <Text bold>{`›${line.slice(1)}`}</Text> : <Text>{line}</Text>;
  }
  return (
    <Text bold={selected}>
      {selected ? "›" : " "}
      {cells.map((text, index) => {
        const colour = columns[index]?.colour?.(item, theme);
        const gap = index === cells.length - 1 ? "" : " ";
        return colour === undefined ? (
          text + gap
        ) : (
          <Text key={columns[index]?.title} color={colour}>
            {text + gap}
          </Text>
        );
      })}
    </Text>
  );
}

// A cursor move re-renders only the two rows whose `selected` changed.
const Row = memo(RowView) as typeof RowView;

/**
 * A table that draws only the rows that fit in `height` (plus its header), scrolling with the
 * cursor. Every cell is sanitised and clipped to its column.
 */
export function Table<T extends { id: string }>(props: {
  readonly columns: readonly Column<T>[];
  /** How wide the table is, to choose which columns fit. */
  readonly width: number;
  readonly items: readonly T[];
  readonly cursor: number;
  readonly height: number;
  /** Whether keys go to this table (the selected row is drawn inverse). */
  readonly focused: boolean;
  readonly sort?: { field: string; direction: "asc" | "desc" };
  /** What the table says instead of rows (nothing matches, loading, what failed). */
  readonly empty: string;
}) {
  const theme = useTheme();
  const top = useRef(0);
  const rows = Math.max(0, props.height - 1);
  top.current = windowTop(top.current, props.cursor, rows, props.items.length);
  const visible = props.items.slice(top.current, top.current + rows);
  const columns = useMemo(() => fittingColumns(props.columns, props.width), [props.columns, props.width]);
  const widths = useMemo(() => columnWidths(columns, props.width), [columns, props.width]);
  const header = useMemo(
    () =>
      ` ${columns
        .map((column, index) => {
          const sorted = column.sortField !== undefined && column.sortField === props.sort?.field;
          const arrow = sorted ? (props.sort?.direction === "asc" ? " ▲" : " ▼") : "";
          return fit(`${column.title.toUpperCase()}${arrow}`, widths[index] ?? 1);
        })
        .join(" ")}`.trimEnd(),
    [columns, widths, props.sort?.field, props.sort?.direction],
  );
  if (props.height <= 0) return null;
  return (
    <Box flexDirection="column" height={props.height} flexShrink={0}>
      <Text bold color={theme.muted}>
        {header}
      </Text>
      {visible.length === 0
        ? wrapLines(sanitize(props.empty, { multiline: true }), props.width - 1, rows).map((line, index) => (
            <Text key={String(index)} color={theme.muted}>
              {` ${line}`}
            </Text>
          ))
        : visible.map((item, index) => (
            <Row
              key={item.id}
              item={item}
              columns={columns}
              widths={widths}
              selected={top.current + index === props.cursor}
              focused={props.focused}
            />
          ))}
    </Box>
  );
}
