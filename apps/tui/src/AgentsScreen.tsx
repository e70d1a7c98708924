import { AGENT_SORT_FIELDS, type AgentListItem } from "@agentdeck/core";
import { useEffect, useMemo, useRef } from "react";
import { DetailPane } from "./DetailPane.tsx";
import { formatTime } from "./format.ts";
import { Hint } from "./Hint.tsx";
import { AGENT_KEYS, actionFor } from "./keys.ts";
import { ListView } from "./ListView.tsx";
import { selectedItem } from "./listState.ts";
import { agentPages } from "./pageSources.ts";
import { type RunView, RunViews } from "./RunViews.tsx";
import { PAGE_SIZE, type ScreenProps } from "./screen.ts";
import { useSession } from "./session.ts";
import type { Column } from "./Table.tsx";
import { useList } from "./useList.ts";
import { useListKeys } from "./useListKeys.ts";
import { useSyncState } from "./useSyncState.ts";

const COLUMNS: readonly Column<AgentListItem>[] = [
  { title: "Name", cell: (a) => a.name, sortField: "name" },
  {
    title: "Created",
    width: 16,
    cell: (a) => formatTime(a.createdAt),
    sortField: "created_at",
    optional: true,
  },
  { title: "Id", width: 36, cell: (a) => a.id, optional: true },
];

type View = { kind: "list" } | RunView;

/** The Agents tab: agents by name; Enter or x runs the selected one. */
export function AgentsScreen(props: ScreenProps) {
  const session = useSession();
  const { client, organizationId } = session;
  const source = useMemo(() => agentPages(client, organizationId), [client, organizationId]);
  const [list, dispatch] = useList(source, {
    initial: { pageSize: PAGE_SIZE, sortFields: AGENT_SORT_FIELDS },
    enabled: props.opened && organizationId !== undefined,
    onLoaded: () => session.succeeded("agents:list"),
    onError: (error) => session.failed("agents:list", error, "load the agents"),
  });
  const [view, setView, viewRef] = useSyncState<View>({ kind: "list" });
  const monitorTyping = useRef(false);

  const listRef = useListKeys(list, dispatch, {
    active: () => props.hasKeys() && viewRef.current.kind === "list",
    onBack: session.dismiss,
    extra: (press, agent) => {
      if (actionFor(AGENT_KEYS, press.name) !== "run") return false;
      if (agent) setView({ kind: "run", agent });
      return true;
    },
  });

  const { typing } = props;
  useEffect(
    () =>
      typing(() => {
        const current = viewRef.current;
        if (current.kind === "run") return true;
        if (current.kind === "monitor") return monitorTyping.current;
        return listRef.current.filtering;
      }),
    [typing, viewRef, listRef],
  );

  const selected = selectedItem(list);
  switch (view.kind) {
    case "run":
    case "monitor":
      return <RunViews view={view} setView={setView} screen={props} monitorTyping={monitorTyping} />;
    case "list":
      return (
        <ListView
          state={list}
          noun="agent"
          columns={COLUMNS}
          width={props.width}
          height={props.height}
          focused={props.active}
          empty="no agents in this organization"
          detail={(width) =>
            selected ? (
              <DetailPane
                title={selected.name}
                details={[
                  ["id", selected.id],
                  ["created", formatTime(selected.createdAt)],
                  ["user", selected.userId],
                  ["org", selected.organizationId],
                ]}
                width={width}
                height={props.height}
              >
                <Hint text="Enter or x: run it" />
              </DetailPane>
            ) : null
          }
        />
      );
  }
}
