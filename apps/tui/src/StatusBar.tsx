import { Box, Text } from "ink";
import type { Connection } from "./connection.ts";
import { formatClock } from "./format.ts";
import { sanitize } from "./sanitize.ts";
import { type Theme, useTheme } from "./theme.ts";

function connectionColour(theme: Theme, state: Connection["state"]): string | undefined {
  if (state === "connected") return theme.success;
  if (state === "connecting") return theme.muted;
  if (state === "failing") return theme.warning;
  return theme.error;
}

/** The bottom line: which environment and organization, whether the API answers, when data last arrived. */
export function StatusBar(props: {
  readonly environment: string;
  readonly organization: string | undefined;
  readonly connection: Connection;
}) {
  const theme = useTheme();
  const { connection } = props;
  return (
    <Box flexDirection="row" height={1} flexShrink={0} overflow="hidden">
      <Box flexGrow={1} flexShrink={1} overflow="hidden">
        <Text wrap="truncate-end">
          <Text inverse bold>
            {` ${sanitize(props.environment)} `}
          </Text>
          <Text color={theme.muted}> org </Text>
          {props.organization === undefined ? (
            <Text color={theme.muted}>…</Text>
          ) : (
            sanitize(props.organization)
          )}
          <Text color={connectionColour(theme, connection.state)}> ● {connection.state}</Text>
          <Text color={theme.muted}>
            {connection.lastOk ? ` refreshed ${formatClock(connection.lastOk)}` : " not refreshed yet"}
          </Text>
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text color={theme.muted}> ? help · q quit</Text>
      </Box>
    </Box>
  );
}
