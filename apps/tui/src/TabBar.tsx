import { Box, Text } from "ink";
import { useTheme } from "./theme.ts";

/** The four tabs, in the order `1`–`4` and Tab go through them. */
export const TABS = [
  { id: "pools", title: "Pools" },
  { id: "agents", title: "Agents" },
  { id: "executions", title: "Executions" },
  { id: "registry", title: "Registry" },
] as const;

export type TabId = (typeof TABS)[number]["id"];

/** The tab `by` places after `current` (negative goes back), wrapping around. */
export function cycleTab(current: TabId, by: number): TabId {
  const index = TABS.findIndex((tab) => tab.id === current);
  const next = TABS[(index + by + TABS.length) % TABS.length];
  return next ? next.id : current;
}

/** The top line: the tabs, the current one highlighted. */
export function TabBar(props: { readonly current: TabId }) {
  const theme = useTheme();
  return (
    <Box flexDirection="row" gap={1} height={1} flexShrink={0} overflow="hidden">
      <Text bold color={theme.accent}>
        agentdeck
      </Text>
      {TABS.map((tab, index) => {
        const current = tab.id === props.current;
        return (
          <Text key={tab.id} inverse={current} bold={current} color={current ? undefined : theme.muted}>
            {` ${index + 1} ${tab.title} `}
          </Text>
        );
      })}
    </Box>
  );
}
