import type { ApiName } from "@agentdeck/core";
import { Box, Text } from "ink";
import { formatClock } from "../common/format.ts";
import { Line, type Segment } from "../common/Segments.tsx";
import { sanitize } from "../common/sanitize.ts";
import type { Store } from "../common/store.ts";
import { useStore } from "../common/store.ts";
import { type Theme, useTheme } from "../common/theme.ts";
import type { Connection, Connections } from "./connection.ts";

function connectionColour(theme: Theme, state: Connection["state"]): string | undefined {
  if (state === "connected") return theme.success;
  if (state === "connecting" || state === "unused") return theme.muted;
  if (state === "failing") return theme.warning;
  return theme.error;
}

const NAMES: Readonly<Record<ApiName, string>> = { v2: "api", registry: "registry" };

/**
 * The bottom line: which environment and organization, and how each API answers (each has its
 * own state: a good registry token says nothing about the v2 key). One line, cut to `width`.
 */
export function StatusBar(props: {
  readonly environment: string;
  readonly organization: string | undefined;
  readonly connections: Store<Connections>;
  readonly width: number;
}) {
  const theme = useTheme();
  const connections = useStore(props.connections);
  const right = " ? help · q quit";
  const segments: Segment[] = [
    { text: ` ${sanitize(props.environment)} `, inverse: true, bold: true },
    { text: " org ", color: theme.muted },
    props.organization === undefined
      ? { text: "…", color: theme.muted }
      : { text: sanitize(props.organization) },
  ];
  for (const api of ["v2", "registry"] as const) {
    const connection = connections[api];
    if (connection.state === "unused") continue;
    segments.push({ text: `  ${NAMES[api]} `, color: theme.muted });
    segments.push({ text: `● ${connection.state}`, color: connectionColour(theme, connection.state) });
    if (connection.state !== "connected" && connection.lastOk !== undefined) {
      segments.push({ text: ` (answered ${formatClock(connection.lastOk)})`, color: theme.muted });
    }
  }
  const width = Math.max(0, props.width - right.length);
  return (
    <Box flexDirection="row" width={props.width} height={1} flexShrink={0}>
      <Line segments={segments} width={width} />
      <Box flexGrow={1} />
      <Text color={theme.muted}>{props.width > right.length ? right : ""}</Text>
    </Box>
  );
}
