import { Box, Text } from "ink";
import { wrapLines } from "../common/cells.ts";
import { sanitize } from "../common/sanitize.ts";
import { useTheme } from "../common/theme.ts";
import type { Message } from "./messages.ts";

/** The most lines a message may take; a longer one is cut. */
export const MESSAGE_MAX_LINES = 3;

const MARK: Readonly<Record<Message["kind"], string>> = { error: "✗", warning: "!", info: "·" };

/** The lines `message` takes at this width: wrapped, at most three (one empty line when there is none). */
export function messageText(message: Message | undefined, columns: number): string[] {
  if (message === undefined || message.text === "") return [""];
  return wrapLines(
    `${MARK[message.kind]} ${sanitize(message.text)}`,
    Math.max(1, columns),
    MESSAGE_MAX_LINES,
  );
}

/** The lines above the status bar: the message of the view that has the keys, or an empty line. */
export function MessageLine(props: { readonly message: Message | undefined; readonly columns: number }) {
  const theme = useTheme();
  const { message } = props;
  const lines = messageText(message, props.columns);
  const colour =
    message === undefined
      ? undefined
      : message.kind === "error"
        ? theme.error
        : message.kind === "warning"
          ? theme.warning
          : theme.info;
  return (
    <Box flexDirection="column" height={lines.length} flexShrink={0}>
      {lines.map((line, index) => (
        <Text key={index} color={colour}>
          {line === "" ? " " : line}
        </Text>
      ))}
    </Box>
  );
}
