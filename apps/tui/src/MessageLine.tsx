import { Text } from "ink";
import { sanitize } from "./sanitize.ts";
import type { Message } from "./session.ts";
import { useTheme } from "./theme.ts";

/** The line above the status bar: the latest message, or nothing. It always takes its row, so nothing jumps. */
export function MessageLine(props: { readonly message: Message | undefined }) {
  const theme = useTheme();
  const { message } = props;
  if (message === undefined || message.text === "") return <Text> </Text>;
  const colour =
    message.kind === "error" ? theme.error : message.kind === "warning" ? theme.warning : theme.info;
  const mark = message.kind === "error" ? "✗" : message.kind === "warning" ? "!" : "·";
  return (
    <Text color={colour} wrap="truncate-end">
      {mark} {sanitize(message.text)}
    </Text>
  );
}
