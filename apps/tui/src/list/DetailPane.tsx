import { Box, Text } from "ink";
import { cellWidth, clip, fit, wrapLines } from "../common/cells.ts";
import { sanitize } from "../common/sanitize.ts";
import { useTheme } from "../common/theme.ts";

/**
 * One labelled value of a detail pane. A value of several lines (a description) gets up to
 * `lines` of them (default 1); every value is sanitised and clipped, so a long or padded one can
 * never overwrite the rows below it.
 */
export type Detail = readonly [label: string, value: string | undefined, lines?: number];

/** The rows a detail pane draws: title, then each value clipped to `width` cells, at most `height` rows. */
export function detailRows(title: string, details: readonly Detail[], width: number): string[][] {
  const labelWidth = Math.max(4, ...details.map(([label]) => cellWidth(label))) + 1;
  const valueWidth = Math.max(1, width - labelWidth);
  const rows: string[][] = [[clip(sanitize(title), width)]];
  for (const [label, value, lines = 1] of details) {
    const text = value === undefined || value === "" ? "—" : value;
    const wrapped =
      lines > 1
        ? wrapLines(sanitize(text, { multiline: true }), valueWidth, lines)
        : [clip(sanitize(text), valueWidth)];
    wrapped.forEach((line, index) => {
      rows.push([fit(index === 0 ? label : "", labelWidth), line]);
    });
  }
  return rows;
}

/**
 * A titled column of labelled values for the item under the cursor, beside a list (with a border
 * on its left, drawn by Ink once for the whole column) or on its own. Each row is one line cut to
 * the pane's width.
 */
export function DetailPane(props: {
  readonly title: string;
  readonly details: readonly Detail[];
  /** The pane's width in cells, border included. */
  readonly width: number;
  readonly height: number;
  /** Drawn with a border on its left (beside a list). */
  readonly side?: boolean;
}) {
  const theme = useTheme();
  const side = props.side ?? false;
  // One cell of border and one of space beside a list; one of space on its own.
  const inner = Math.max(1, props.width - (side ? 2 : 1));
  const rows = detailRows(props.title, props.details, inner).slice(0, Math.max(0, props.height));
  return (
    <Box
      flexDirection="column"
      width={props.width}
      height={props.height}
      flexShrink={0}
      paddingLeft={1}
      borderStyle={side ? "single" : undefined}
      borderTop={false}
      borderBottom={false}
      borderRight={false}
      borderColor={theme.muted}
    >
      {rows.map((row, index) =>
        index === 0 ? (
          <Text key="title" bold>
            {row[0]}
          </Text>
        ) : (
          <Text key={index}>
            <Text color={theme.muted}>{row[0]}</Text>
            {row[1]}
          </Text>
        ),
      )}
    </Box>
  );
}
