import { EXECUTION_SORT_FIELDS, EXECUTION_STATUSES, type Execution } from "@agentdeck/core";
import { useEffect, useMemo, useRef } from "react";
import { DetailPane } from "./DetailPane.tsx";
import { ExecutionMonitor } from "./ExecutionMonitor.tsx";
import { formatDuration, formatTime } from "./format.ts";
import { Hint } from "./Hint.tsx";
import { actionFor, EXECUTION_KEYS } from "./keys.ts";
import { ListView } from "./ListView.tsx";
import { selectedItem } from "./listState.ts";
import { executionPages } from "./pageSources.ts";
import { PAGE_SIZE, type ScreenProps } from "./screen.ts";
import { useSession } from "./session.ts";
import type { Column } from "./Table.tsx";
import { statusColour } from "./theme.ts";
import { useList } from "./useList.ts";
import { useListKeys } from "./useListKeys.ts";
import { useSyncState } from "./useSyncState.ts";

/** How often the Executions list refetches its page while it is on screen. */
export const EXECUTIONS_REFRESH_MS = 3000;

function duration(execution: Execution): string {
  if (!execution.terminalAt) return "";
  return formatDuration(Date.parse(execution.terminalAt) - Date.parse(execution.createdAt));
}

const COLUMNS: readonly Column<Execution>[] = [
  { title: "Id", width: 8, cell: (e) => e.id.slice(0, 8) },
  { title: "Agent", cell: (e) => e.agentName },
  {
    title: "Status",
    width: 21,
    cell: (e) => e.status,
    colour: (e, theme) => statusColour(theme, e.status),
    sortField: "status",
  },
  {
    title: "Created",
    width: 16,
    cell: (e) => formatTime(e.createdAt),
    sortField: "created_at",
    optional: true,
  },
  { title: "Took", width: 8, cell: duration, align: "right", optional: true },
];

/** The status filter after `current` when `f` is pressed: all, then each status in turn. */
export function nextStatusFilter(current: string | undefined): string | undefined {
  if (current === undefined) return EXECUTION_STATUSES[0];
  const index = EXECUTION_STATUSES.indexOf(current as (typeof EXECUTION_STATUSES)[number]);
  return EXECUTION_STATUSES[index + 1];
}

type View = { kind: "list" } | { kind: "monitor"; executionId: string };

/** The Executions tab: newest first, filtered by status (`f`) or id (`/`); Enter opens the monitor. */
export function ExecutionsScreen(props: ScreenProps) {
  const session = useSession();
  const { client, organizationId } = session;
  const source = useMemo(() => executionPages(client, organizationId), [client, organizationId]);
  const [view, setView, viewRef] = useSyncState<View>({ kind: "list" });
  const [list, dispatch] = useList(source, {
    initial: { pageSize: PAGE_SIZE, sortFields: EXECUTION_SORT_FIELDS, sortDirection: "desc" },
    enabled: props.opened && organizationId !== undefined,
    live: props.visible && view.kind === "list",
    refreshEveryMs: EXECUTIONS_REFRESH_MS,
    onLoaded: () => session.succeeded("executions:list"),
    onError: (error) => session.failed("executions:list", error, "load the executions"),
  });
  const monitorTyping = useRef(false);

  const listRef = useListKeys(list, dispatch, {
    active: () => props.hasKeys() && viewRef.current.kind === "list",
    onOpen: (execution) => setView({ kind: "monitor", executionId: execution.id }),
    onBack: session.dismiss,
    extra: (press, _, current) =>
      actionFor(EXECUTION_KEYS, press.name) === "statusFilter" && {
        type: "setStatus",
        status: nextStatusFilter(current.query.status),
      },
  });

  const { typing } = props;
  useEffect(
    () =>
      typing(() => (viewRef.current.kind === "monitor" ? monitorTyping.current : listRef.current.filtering)),
    [typing, viewRef, listRef],
  );

  if (view.kind === "monitor") {
    return (
      <ExecutionMonitor
        executionId={view.executionId}
        active={props.active}
        height={props.height}
        onClose={() => {
          setView({ kind: "list" });
          dispatch({ type: "refresh" });
        }}
        onTyping={(value) => {
          monitorTyping.current = value;
        }}
      />
    );
  }
  const selected = selectedItem(list);
  return (
    <ListView
      state={list}
      noun="execution"
      columns={COLUMNS}
      width={props.width}
      height={props.height}
      focused={props.active}
      headerExtra={`status ${list.query.status ?? "all"} (f)`}
      empty={
        list.query.status
          ? `no ${list.query.status} executions`
          : "no executions yet: run an agent from Agents or Pools"
      }
      detail={(width) =>
        selected ? (
          <DetailPane
            title={`${selected.agentName} · ${selected.status}`}
            details={[
              ["id", selected.id],
              ["agent", selected.agentName],
              ["status", selected.status],
              ["created", formatTime(selected.createdAt)],
              ["ended", formatTime(selected.terminalAt)],
              ["took", duration(selected)],
              ["profile", selected.agentProfileName ?? selected.agentProfileId],
              ["outcome", selected.executionResult?.outcome],
            ]}
            width={width}
            height={props.height}
          >
            <Hint text="Enter: open the monitor" />
          </DetailPane>
        ) : null
      }
    />
  );
}
