import { Text } from "ink";
import { clip } from "../common/cells.ts";
import { useTheme } from "../common/theme.ts";

/** The tabs, in the order `1`–`5` and Tab go through them. */
export const TABS = [
  { id: "pools", title: "Pools" },
  { id: "agents", title: "Agents" },
  { id: "executions", title: "Executions" },
  { id: "registry", title: "Registry" },
  { id: "batch", title: "Batch" },
] as const;

export type TabId = (typeof TABS)[number]["id"];

/** The tab `by` places after `current` (negative goes back), wrapping around. */
export function cycleTab(current: TabId, by: number): TabId {
  const index = TABS.findIndex((tab) => tab.id === current);
  const next = TABS[(index + by + TABS.length) % TABS.length];
  return next ? next.id : current;
}

/** The top line: the tabs, the current one highlighted. */
export function TabBar(props: { readonly current: TabId; readonly width: number }) {
  const theme = useTheme();
  let left = props.width - "agentdeck ".length;
  return (
    <Text>
      <Text bold color={theme.accent}>
        {clip("agentdeck ", props.width)}
      </Text>
      {TABS.map((tab, index) => {
        const current = tab.id === props.current;
        const text = clip(` ${index + 1} ${tab.title} `, left);
        left -= text.length + 1;
        return text === "" ? null : (
          <Text key={tab.id}>
            <Text inverse={current} bold={current} color={current ? undefined : theme.muted}>
              {text}
            </Text>
            {left > 0 ? " " : ""}
          </Text>
        );
      })}
    </Text>
  );
}
