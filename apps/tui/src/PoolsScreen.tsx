import { type AgentProfilePool, POOL_SORT_FIELDS } from "@agentdeck/core";
import { Box } from "ink";
import { useEffect, useMemo, useRef } from "react";
import { DetailPane } from "./DetailPane.tsx";
import { formatTime } from "./format.ts";
import { Hint } from "./Hint.tsx";
import { actionFor, POOL_KEYS } from "./keys.ts";
import { ListView } from "./ListView.tsx";
import { selectedItem } from "./listState.ts";
import { PoolForm } from "./PoolForm.tsx";
import { poolPages } from "./pageSources.ts";
import { type RunView, RunViews } from "./RunViews.tsx";
import { PAGE_SIZE, type ScreenProps } from "./screen.ts";
import { useSession } from "./session.ts";
import type { Column } from "./Table.tsx";
import { useFresh } from "./useFresh.ts";
import { useKeys } from "./useKeys.ts";
import { useList } from "./useList.ts";
import { useListKeys } from "./useListKeys.ts";
import { useSyncState } from "./useSyncState.ts";

const COLUMNS: readonly Column<AgentProfilePool>[] = [
  { title: "Name", cell: (p) => p.name, sortField: "name" },
  { title: "Strategy", width: 20, cell: (p) => p.selectionStrategy },
  { title: "Concurrent", width: 10, cell: (p) => (p.allowConcurrentUse ? "yes" : "no"), optional: true },
  {
    title: "Updated",
    width: 16,
    cell: (p) => formatTime(p.updatedAt),
    sortField: "updated_at",
    optional: true,
  },
];

/** The pool's fields, for the detail pane and the detail view. */
function poolDetails(pool: AgentProfilePool) {
  return [
    ["id", pool.id],
    ["strategy", pool.selectionStrategy],
    ["concurrent", pool.allowConcurrentUse ? "yes" : "no"],
    ["created", formatTime(pool.createdAt)],
    ["updated", formatTime(pool.updatedAt)],
    ["org", pool.organizationId],
  ] as const;
}

/** One pool on the whole screen, fetched fresh from the server. */
function PoolDetail(props: { readonly pool: AgentProfilePool; readonly height: number }) {
  const session = useSession();
  const pool = useFresh(
    props.pool,
    props.pool.id,
    (signal) => session.client.pools.get(props.pool.id, { signal }),
    (error) => session.failed("pools:detail", error, "load the pool"),
  );
  return (
    <Box height={props.height} flexDirection="column">
      <DetailPane title={`Pool ${pool.name}`} details={[["name", pool.name], ...poolDetails(pool)]} />
      <Box paddingLeft={2} marginTop={1}>
        <Hint text="e edit · x run an agent with this pool · n new pool · Esc back" />
      </Box>
    </Box>
  );
}

type View =
  | { kind: "list" }
  | { kind: "detail"; pool: AgentProfilePool }
  | { kind: "create" }
  | { kind: "edit"; pool: AgentProfilePool }
  | RunView;

/** The Pools tab: pools one server page at a time, with create, edit and run. */
export function PoolsScreen(props: ScreenProps) {
  const session = useSession();
  const { client, organizationId } = session;
  const source = useMemo(() => poolPages(client, organizationId), [client, organizationId]);
  const [list, dispatch] = useList(source, {
    initial: { pageSize: PAGE_SIZE, sortFields: POOL_SORT_FIELDS },
    enabled: props.opened && organizationId !== undefined,
    onLoaded: () => session.succeeded("pools:list"),
    onError: (error) => session.failed("pools:list", error, "load the pools"),
  });
  const [view, setView, viewRef] = useSyncState<View>({ kind: "list" });
  const monitorTyping = useRef(false);
  const back = () => setView({ kind: "list" });

  const poolKeys = (name: string, pool: AgentProfilePool | undefined) => {
    const action = actionFor(POOL_KEYS, name);
    if (action === "create") setView({ kind: "create" });
    else if (action === "edit" && pool) setView({ kind: "edit", pool });
    else if (action === "run" && pool) setView({ kind: "run", pool });
    return action !== undefined;
  };

  const listRef = useListKeys(list, dispatch, {
    active: () => props.hasKeys() && viewRef.current.kind === "list",
    onOpen: (pool) => setView({ kind: "detail", pool }),
    onBack: session.dismiss,
    extra: (press, pool) => poolKeys(press.name, pool),
  });

  const { typing } = props;
  useEffect(
    () =>
      typing(() => {
        const current = viewRef.current;
        if (current.kind === "create" || current.kind === "edit" || current.kind === "run") return true;
        if (current.kind === "monitor") return monitorTyping.current;
        return current.kind === "list" && listRef.current.filtering;
      }),
    [typing, viewRef, listRef],
  );

  // The detail view answers the pool keys too, and Esc goes back to the list.
  useKeys(
    () => props.hasKeys() && viewRef.current.kind === "detail",
    (press) => {
      const current = viewRef.current;
      if (current.kind !== "detail") return;
      if (press.name === "esc") back();
      else poolKeys(press.name, current.pool);
    },
  );

  const saved = (pool: AgentProfilePool, created: boolean) => {
    setView({ kind: "list" });
    session.notify({
      kind: "info",
      text: `${created ? "Created" : "Saved"} pool ${pool.name}.`,
      source: "pools:form",
    });
    dispatch({ type: "refresh", select: pool.id });
  };

  const selected = selectedItem(list);
  switch (view.kind) {
    case "create":
    case "edit":
      return (
        <Box height={props.height} flexDirection="column">
          <PoolForm
            {...(view.kind === "edit" ? { pool: view.pool } : {})}
            active={props.active}
            onClose={back}
            onSaved={saved}
          />
        </Box>
      );
    case "run":
    case "monitor":
      return <RunViews view={view} setView={setView} screen={props} monitorTyping={monitorTyping} />;
    case "detail":
      return <PoolDetail pool={view.pool} height={props.height} />;
    case "list":
      return (
        <ListView
          state={list}
          noun="pool"
          columns={COLUMNS}
          width={props.width}
          height={props.height}
          focused={props.active}
          empty="no pools yet: press n to create one"
          detail={(width) =>
            selected ? (
              <DetailPane
                title={selected.name}
                details={poolDetails(selected)}
                width={width}
                height={props.height}
              >
                <Hint text="Enter open · e edit · x run · n new" />
              </DetailPane>
            ) : null
          }
        />
      );
  }
}
