import { Box, Text } from "ink";
import { sanitize } from "./sanitize.ts";
import type { Message } from "./session.ts";
import { useTheme } from "./theme.ts";

/** The most lines a message may take; a longer one is cut. */
export const MESSAGE_MAX_LINES = 3;

/** How many lines `message` takes at this width (one when there is none, so nothing jumps). */
export function messageLines(message: Message | undefined, columns: number): number {
  if (message === undefined || message.text === "") return 1;
  const length = [...`✗ ${sanitize(message.text)}`].length;
  return Math.min(MESSAGE_MAX_LINES, Math.max(1, Math.ceil(length / Math.max(1, columns))));
}

/** The lines above the status bar: the latest message (wrapped, up to three lines), or an empty line. */
export function MessageLine(props: { readonly message: Message | undefined; readonly columns: number }) {
  const theme = useTheme();
  const { message } = props;
  if (message === undefined || message.text === "") {
    return (
      <Box height={1} flexShrink={0}>
        <Text> </Text>
      </Box>
    );
  }
  const colour =
    message.kind === "error" ? theme.error : message.kind === "warning" ? theme.warning : theme.info;
  const mark = message.kind === "error" ? "✗" : message.kind === "warning" ? "!" : "·";
  return (
    <Box height={messageLines(message, props.columns)} flexShrink={0} overflow="hidden">
      <Text color={colour} wrap="wrap">
        {mark} {sanitize(message.text)}
      </Text>
    </Box>
  );
}
