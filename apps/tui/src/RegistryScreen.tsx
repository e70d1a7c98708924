import type { RegistryAgent } from "@agentdeck/core";
import { Box, Text } from "ink";
import { useEffect, useMemo } from "react";
import { DetailPane } from "./DetailPane.tsx";
import { formatTime } from "./format.ts";
import { Hint } from "./Hint.tsx";
import { actionFor, REGISTRY_KEYS } from "./keys.ts";
import { ListView } from "./ListView.tsx";
import { selectedItem } from "./listState.ts";
import { registryPages } from "./pageSources.ts";
import { RegistryForm } from "./RegistryForm.tsx";
import { sanitize } from "./sanitize.ts";
import { PAGE_SIZE, type ScreenProps } from "./screen.ts";
import { useSession } from "./session.ts";
import type { Column } from "./Table.tsx";
import { statusColour, useTheme } from "./theme.ts";
import { useKeys } from "./useKeys.ts";
import { useList } from "./useList.ts";
import { useListKeys } from "./useListKeys.ts";
import { useSyncState } from "./useSyncState.ts";

/** Fields the registry sorts its agent list by. */
export const REGISTRY_SORT_FIELDS = ["name", "inserted_at", "updated_at", "status"] as const;

const COLUMNS: readonly Column<RegistryAgent>[] = [
  { title: "Name", cell: (a) => a.name, sortField: "name" },
  {
    title: "Status",
    width: 8,
    cell: (a) => a.status,
    colour: (a, theme) => statusColour(theme, a.status),
    sortField: "status",
  },
  {
    title: "Instances",
    width: 16,
    cell: (a) => `${a.instance_counts.total} (${a.instance_counts.active} active)`,
  },
  { title: "Updated", width: 16, cell: (a) => formatTime(a.updated_at), sortField: "updated_at" },
];

type Transition = "retire" | "reinstate";

type View =
  | { kind: "list" }
  | { kind: "create" }
  | { kind: "confirm"; agent: RegistryAgent; action: Transition };

/** The Registry tab: registered agents with their status and instances; register, retire, reinstate. */
export function RegistryScreen(props: ScreenProps) {
  const theme = useTheme();
  const session = useSession();
  const { client, registry } = session;
  const source = useMemo(() => registryPages(client), [client]);
  const [list, dispatch] = useList(source, {
    initial: { pageSize: PAGE_SIZE, sortFields: REGISTRY_SORT_FIELDS },
    enabled: registry,
    onLoaded: () => session.succeeded("registry:list"),
    onError: (error) => session.failed("registry:list", error, "load the registry"),
  });
  const [view, setView, viewRef] = useSyncState<View>({ kind: "list" });
  const back = () => setView({ kind: "list" });

  const transition = (agent: RegistryAgent, action: Transition) => {
    const call =
      action === "retire"
        ? client.registry.agents.retire(agent.id)
        : client.registry.agents.reinstate(agent.id);
    call.then(
      (updated) => {
        session.notify({
          kind: "info",
          text: `${action === "retire" ? "Retired" : "Reinstated"} ${updated.name}.`,
          source: "registry:action",
        });
        dispatch({ type: "refresh", select: updated.id });
      },
      (error: unknown) => session.failed("registry:action", error, `${action} ${agent.name}`),
    );
  };

  const ask = (agent: RegistryAgent | undefined, action: Transition) => {
    if (agent === undefined) return;
    if (!agent.available_actions[action]) {
      session.notify({
        kind: "warning",
        text: `${sanitize(agent.name)} cannot be ${action === "retire" ? "retired" : "reinstated"} while it is ${sanitize(agent.status)}.`,
        source: "registry:action",
      });
      return;
    }
    setView({ kind: "confirm", agent, action });
  };

  const listRef = useListKeys(list, dispatch, {
    active: () => props.active && viewRef.current.kind === "list" && registry,
    onBack: session.dismiss,
    extra: (press, agent) => {
      const action = actionFor(REGISTRY_KEYS, press.name);
      if (action === "create") setView({ kind: "create" });
      else if (action === "retire") ask(agent, "retire");
      else if (action === "reinstate") ask(agent, "reinstate");
      return action !== undefined;
    },
  });

  useKeys(
    () => props.active && viewRef.current.kind === "confirm",
    (press) => {
      const current = viewRef.current;
      if (current.kind !== "confirm") return;
      if (press.name === "y" || press.name === "Y") {
        back();
        transition(current.agent, current.action);
      } else if (["n", "N", "esc"].includes(press.name)) back();
    },
  );

  const { typing } = props;
  useEffect(
    () => typing(() => viewRef.current.kind !== "list" || listRef.current.filtering),
    [typing, viewRef, listRef],
  );

  if (!registry) {
    return (
      <Box flexDirection="column" paddingX={1} height={props.height}>
        <Text bold>The registry is not configured.</Text>
        <Text>
          Set AGENT_REGISTRY_TOKEN (and AGENT_REGISTRY_URL), or add registryToken to your profile, then
          restart.
        </Text>
      </Box>
    );
  }
  if (view.kind === "create") {
    return (
      <Box height={props.height} flexDirection="column">
        <RegistryForm
          active={props.active}
          onClose={back}
          onCreated={(agent) => {
            back();
            session.notify({ kind: "info", text: `Registered ${agent.name}.`, source: "registry:form" });
            dispatch({ type: "refresh", select: agent.id });
          }}
        />
      </Box>
    );
  }
  const selected = selectedItem(list);
  return (
    <Box flexDirection="column" height={props.height}>
      <ListView
        state={list}
        noun="registered agent"
        columns={COLUMNS}
        width={props.width}
        height={props.height - (view.kind === "confirm" ? 1 : 0)}
        focused={props.active}
        headerExtra={list.query.search ? "(filters this page)" : ""}
        empty="no agents registered: press n to register one"
        detail={(width) =>
          selected ? (
            <DetailPane
              title={selected.name}
              details={[
                ["id", selected.id],
                ["status", selected.status],
                ["about", selected.description ?? ""],
                ["total", String(selected.instance_counts.total)],
                ["active", String(selected.instance_counts.active)],
                ["pending", String(selected.instance_counts.pending)],
                ["complete", String(selected.instance_counts.complete)],
                ["failed", String(selected.instance_counts.failed)],
                ["created", formatTime(selected.inserted_at)],
                ["updated", formatTime(selected.updated_at)],
              ]}
              width={width}
              height={props.height}
            >
              <Hint
                text={[
                  "n register",
                  selected.available_actions.retire ? "t retire" : "",
                  selected.available_actions.reinstate ? "u reinstate" : "",
                ]
                  .filter(Boolean)
                  .join(" · ")}
              />
            </DetailPane>
          ) : null
        }
      />
      {view.kind === "confirm" ? (
        <Text color={theme.warning} bold>
          {view.action === "retire" ? "Retire" : "Reinstate"} {sanitize(view.agent.name)}? y/n
        </Text>
      ) : null}
    </Box>
  );
}
