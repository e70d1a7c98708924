import { Box, Text } from "ink";
import { sanitize } from "./sanitize.ts";
import { useTheme } from "./theme.ts";

function Line(props: { readonly text: string; readonly cursor: number | undefined }) {
  if (props.cursor === undefined) return <Text>{props.text}</Text>;
  const before = props.text.slice(0, props.cursor);
  const at = props.text.slice(props.cursor, props.cursor + 1) || " ";
  const after = props.text.slice(props.cursor + 1);
  return (
    <Text>
      {before}
      <Text inverse>{at}</Text>
      {after}
    </Text>
  );
}

/** A text value with its cursor drawn as an inverse cell while focused; several lines for a rows field. */
export function TextField(props: {
  readonly value: string;
  readonly cursor: number;
  readonly focused: boolean;
  readonly placeholder?: string;
  readonly multiline?: boolean;
}) {
  const theme = useTheme();
  const value = sanitize(props.value, { multiline: props.multiline ?? false });
  if (value === "") {
    return (
      <Text>
        {props.focused ? <Text inverse> </Text> : null}
        <Text color={theme.muted} dimColor>
          {props.placeholder ?? ""}
        </Text>
      </Text>
    );
  }
  if (!props.multiline) return <Line text={value} cursor={props.focused ? props.cursor : undefined} />;
  let offset = 0;
  return (
    <Box flexDirection="column">
      {value.split("\n").map((line, index) => {
        const start = offset;
        offset += line.length + 1;
        const here = props.focused && props.cursor >= start && props.cursor <= start + line.length;
        return <Line key={index} text={line} cursor={here ? props.cursor - start : undefined} />;
      })}
    </Box>
  );
}
