import cliTruncate from "cli-truncate";
import { Box, Text } from "ink";
import { Fragment, memo, useMemo, useRef } from "react";
import stringWidth from "string-width";
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

/** Each column's width in cells: its own, or for the one without, the room the others leave. */
export function columnWidths<T>(columns: readonly Column<T>[], width: number): number[] {
  // One cell for the selection marker, one after each column.
  const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0) + 1, 1);
  return columns.map((column) => column.width ?? Math.max(1, width - fixed));
}

// Printable ASCII is one cell a character; only other text needs string-width's segmenting.
const cellWidth = (text: string) => (/^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text));

/** `text` in exactly `width` cells: cut with an ellipsis when too long, padded on the aligned side. */
export function fitCell(text: string, width: number, align: "left" | "right" = "left"): string {
  const cut = cellWidth(text) > width ? cliTruncate(text, width, { position: "end" }) : text;
  const pad = " ".repeat(Math.max(0, width - cellWidth(cut)));
  return align === "right" ? pad + cut : cut + pad;
}

type RowProps<T> = {
  readonly item: T;
  readonly columns: readonly Column<T>[];
  readonly widths: readonly number[];
  readonly selected: boolean;
  readonly focused: boolean;
};

// One <Text> per row, its cells nested in it: Ink then lays out and writes one line, not a box
// per cell, which is most of what a redraw costs (see bench/README.md, keystrokes).
function RowView<T>({ item, columns, widths, selected, focused }: RowProps<T>) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end">
      <Text inverse={selected && focused} bold={selected}>
        {selected ? "›" : " "}
      </Text>
      {columns.map((column, index) => (
        <Fragment key={column.title}>
          <Text
            inverse={selected && focused}
            bold={selected && !focused}
            color={selected && focused ? undefined : column.colour?.(item, theme)}
          >
            {fitCell(sanitize(column.cell(item)), widths[index] ?? 1, column.align)}
          </Text>{" "}
        </Fragment>
      ))}
    </Text>
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
  const widths = useMemo(() => columnWidths(columns, props.width), [columns, props.width]);
  return (
    <Box flexDirection="column" height={props.height} overflow="hidden">
      <Text bold color={theme.muted} wrap="truncate-end">
        {" "}
        {columns
          .map((column, index) => {
            const sorted = column.sortField !== undefined && column.sortField === props.sort?.field;
            const arrow = sorted ? (props.sort?.direction === "asc" ? " ▲" : " ▼") : "";
            return fitCell(`${column.title.toUpperCase()}${arrow}`, widths[index] ?? 1);
          })
          .join(" ")}
      </Text>
      {visible.length === 0 ? (
        <Text color={theme.muted}> {sanitize(props.empty)}</Text>
      ) : (
        visible.map((item, index) => (
          <Row
            key={item.id}
            item={item}
            columns={columns}
            widths={widths}
            selected={top.current + index === props.cursor}
            focused={props.focused}
          />
        ))
      )}
    </Box>
  );
}
