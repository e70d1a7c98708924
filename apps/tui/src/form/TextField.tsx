import { Text } from "ink";
import { cellWidth, clip } from "../common/cells.ts";
import { sanitize } from "../common/sanitize.ts";
import { useTheme } from "../common/theme.ts";

/**
 * One line of a text value in `width` cells, with the cursor drawn as an inverse cell when
 * `cursor` is given. A line longer than the room shows the part around the cursor.
 */
export function TextLine(props: {
  readonly text: string;
  readonly cursor: number | undefined;
  readonly width: number;
}) {
  const text = sanitize(props.text);
  const room = Math.max(1, props.width);
  if (props.cursor === undefined) return <Text>{clip(text, room)}</Text>;
  // Keep the cursor in view: the window ends one cell after it at the furthest.
  const start = Math.max(0, props.cursor - room + 1);
  const before = text.slice(start, props.cursor);
  const at = text.slice(props.cursor, props.cursor + 1) || " ";
  const after = clip(text.slice(props.cursor + 1), Math.max(0, room - cellWidth(before) - 1));
  return (
    <Text>
      {before}
      <Text inverse>{at}</Text>
      {after}
    </Text>
  );
}

/** An empty field: the cursor (when focused) and the placeholder, muted. */
export function Placeholder(props: {
  readonly text: string;
  readonly focused: boolean;
  readonly width: number;
}) {
  const theme = useTheme();
  return (
    <Text>
      {props.focused ? <Text inverse> </Text> : null}
      <Text color={theme.muted} dimColor>
        {clip(props.text, Math.max(0, props.width - (props.focused ? 1 : 0)))}
      </Text>
    </Text>
  );
}
