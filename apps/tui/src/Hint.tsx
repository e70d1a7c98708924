import { Text } from "ink";
import { useTheme } from "./theme.ts";

/** A muted line of key hints. */
export function Hint(props: { readonly text: string }) {
  const theme = useTheme();
  return (
    <Text color={theme.muted} wrap="truncate-end">
      {props.text}
    </Text>
  );
}
