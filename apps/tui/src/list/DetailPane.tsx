import { Box, Text } from "ink";
import type { ReactNode } from "react";
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
 * on its left) or on its own. Each row is one line cut to the pane's width.
 */
export function DetailPane(props: {
  readonly title: string;
  readonly details: readonly Detail[];
  /** The pane's width in cells, border included. */
  readonly width: number;
  readonly height: number;
  /** Drawn with a border on its left (beside a list). */
  readonly side?: boolean;
  /** Lines under the values (hints), already cut to fit. */
  readonly footer?: ReactNode;
}) {
  const theme = useTheme();
  const side = props.side ?? false;
  const inner = Math.max(1, props.width - (side ? 2 : 1));
  const rows = detailRows(props.title, props.details, inner).slice(
    0,
    Math.max(0, props.height - (props.footer ? 1 : 0)),
  );
  const border = side ? <Text color={theme.muted}>│ </Text> : " ";
  const filler = side ? Math.max(0, props.height - rows.length - (props.footer ? 1 : 0)) : 0;
  return (
    <Box flexDirection="column" width={props.width} height={props.height} flexShrink={0}>
      {rows.map((row, index) => (
        <Text key={index}>
          {border}
          {index === 0 ? (
            <Text bold>{row[0]}</Text>
          ) : (
            <>
              <Text color={theme.muted}>{row[0]}</Text>
              {row[1]}
            </>
          )}
        </Text>
      ))}
      {props.footer ? (
        <Text>
          {border}
          {props.footer}
        </Text>
      ) : null}
      {Array.from({ length: filler }, (_, index) => (
        <Text key={`f${index}`} color={theme.muted}>
          │
        </Text>
      ))}
    </Box>
  );
}
