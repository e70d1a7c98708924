import { Text } from "ink";
import { cellWidth, clip } from "./cells.ts";

/** A run of text in one style, part of a line. */
export type Segment = {
  readonly text: string;
  readonly color?: string | undefined;
  readonly bold?: boolean;
  readonly inverse?: boolean;
  readonly dim?: boolean;
};

/** `segments` cut to `width` cells in all: whatever does not fit is left out (the last one shown is clipped). */
export function fitSegments(segments: readonly Segment[], width: number): Segment[] {
  const out: Segment[] = [];
  let left = width;
  for (const segment of segments) {
    if (left <= 0) break;
    const w = cellWidth(segment.text);
    if (w <= left) {
      out.push(segment);
      left -= w;
    } else {
      out.push({ ...segment, text: clip(segment.text, left) });
      left = 0;
    }
  }
  return out;
}

/**
 * One line of styled runs, never wider than `width`: every line of the frame is cut to fit by us,
 * so Ink never wraps or clips one (wrapping would push the lines below out of place).
 */
export function Line(props: { readonly segments: readonly Segment[]; readonly width: number }) {
  const shown = fitSegments(props.segments, props.width);
  return (
    <Text>
      {shown.map((segment, index) =>
        segment.color === undefined && !segment.bold && !segment.inverse && !segment.dim ? (
          segment.text
        ) : (
          <Text
            key={index}
            color={segment.color}
            bold={segment.bold ?? false}
            inverse={segment.inverse ?? false}
            dimColor={segment.dim ?? false}
          >
            {segment.text}
          </Text>
        ),
      )}
    </Text>
  );
}
