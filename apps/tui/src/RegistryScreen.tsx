import { REGISTRY_SORT_FIELDS, type RegistryAgent } from "@agentdeck/core";
import { Box, Text } from "ink";
import { useEffect, useMemo } from "react";
import { type Detail, DetailPane } from "./DetailPane.tsx";
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
import { useFresh } from "./useFresh.ts";
import { useKeys } from "./useKeys.ts";
import { useList } from "./useList.ts";
import { useListKeys } from "./useListKeys.ts";
import { useSyncState } from "./useSyncState.ts";

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
    // A list answers summaries, without counts; the detail pane asks for them.
    cell: (a) =>
      a.instance_counts ? `${a.instance_counts.total} (${a.instance_counts.active} active)` : "–",
    optional: true,
  },
  {
    title: "Updated",
    width: 16,
    cell: (a) => formatTime(a.updated_at),
    optional: true,
  },
];

/** A registered agent's fields, for the detail pane and the detail view. */
function registryDetails(agent: RegistryAgent): Detail[] {
  return [
    ["id", agent.id],
    ["status", agent.status],
    ["about", agent.description ?? ""],
    ["total", String(agent.instance_counts?.total ?? "–")],
    ["active", String(agent.instance_counts?.active ?? "–")],
    ["pending", String(agent.instance_counts?.pending ?? "–")],
    ["complete", String(agent.instance_counts?.complete ?? "–")],
    ["failed", String(agent.instance_counts?.failed ?? "–")],
    ["cancelled", String(agent.instance_counts?.cancelled ?? "–")],
    ["created", formatTime(agent.inserted_at)],
    ["updated", formatTime(agent.updated_at)],
  ];
}

/** The keys that apply to `agent` now, by its `available_actions`. */
function registryHint(agent: RegistryAgent, more: string): string {
  return [
    more,
    "n register",
    agent.available_actions.retire ? "t retire" : "",
    agent.available_actions.reinstate ? "u reinstate" : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

/** One registered agent on the whole screen, fetched fresh from the registry. */
function RegistryDetail(props: { readonly agent: RegistryAgent; readonly height: number }) {
  const session = useSession();
  const agent = useFresh(
    props.agent,
    props.agent.id,
    (signal) => session.client.registry.agents.get(props.agent.id, { includeCounts: true }, { signal }),
    (error) => session.failed("registry:detail", error, "load the agent"),
  );
  return (
    <Box height={props.height} flexDirection="column">
      <DetailPane title={`Registered agent ${agent.name}`} details={registryDetails(agent)} />
      <Box paddingLeft={2} marginTop={1}>
        <Hint text={registryHint(agent, "Esc back")} />
      </Box>
    </Box>
  );
}

type Transition = "retire" | "reinstate";

type View =
  | { kind: "list" }
  | { kind: "detail"; agent: RegistryAgent }
  | { kind: "create" }
  | { kind: "confirm"; agent: RegistryAgent; action: Transition; from: "list" | "detail" };

function ConfirmLine(props: { readonly view: { agent: RegistryAgent; action: Transition } }) {
  const theme = useTheme();
  return (
    <Text color={theme.warning} bold>
      {props.view.action === "retire" ? "Retire" : "Reinstate"} {sanitize(props.view.agent.name)}? y/n
    </Text>
  );
}

/** The Registry tab: registered agents with their status and instances; register, retire, reinstate. */
export function RegistryScreen(props: ScreenProps) {
  const session = useSession();
  const { client, registry } = session;
  const source = useMemo(() => registryPages(client), [client]);
  const [list, dispatch] = useList(source, {
    initial: { pageSize: PAGE_SIZE, sortFields: REGISTRY_SORT_FIELDS },
    enabled: props.opened && registry,
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
        if (viewRef.current.kind === "detail" && viewRef.current.agent.id === updated.id) {
          setView({ kind: "detail", agent: updated });
        }
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
    setView({ kind: "confirm", agent, action, from: viewRef.current.kind === "detail" ? "detail" : "list" });
  };

  const listRef = useListKeys(list, dispatch, {
    active: () => props.hasKeys() && viewRef.current.kind === "list" && registry,
    onBack: session.dismiss,
    onOpen: (agent) => setView({ kind: "detail", agent }),
    extra: (press, agent) => {
      const action = actionFor(REGISTRY_KEYS, press.name);
      if (action === "create") setView({ kind: "create" });
      else if (action === "retire") ask(agent, "retire");
      else if (action === "reinstate") ask(agent, "reinstate");
      return action !== undefined;
    },
  });

  useKeys(
    () => props.hasKeys() && viewRef.current.kind === "confirm",
    (press) => {
      const current = viewRef.current;
      if (current.kind !== "confirm") return;
      if (press.name === "y" || press.name === "Y") {
        setView(current.from === "detail" ? { kind: "detail", agent: current.agent } : { kind: "list" });
        transition(current.agent, current.action);
      } else if (["n", "N", "esc"].includes(press.name)) {
        setView(current.from === "detail" ? { kind: "detail", agent: current.agent } : { kind: "list" });
      }
    },
  );

  // The detail view answers the agent's keys too, and Esc goes back to the list.
  useKeys(
    () => props.hasKeys() && viewRef.current.kind === "detail",
    (press) => {
      const current = viewRef.current;
      if (current.kind !== "detail") return;
      const action = actionFor(REGISTRY_KEYS, press.name);
      if (press.name === "esc") back();
      else if (action === "create") setView({ kind: "create" });
      else if (action === "retire" || action === "reinstate") ask(current.agent, action);
    },
  );

  const { typing } = props;
  useEffect(
    () =>
      typing(() => {
        const current = viewRef.current;
        return (
          current.kind === "create" ||
          current.kind === "confirm" ||
          (current.kind === "list" && listRef.current.filtering)
        );
      }),
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
  if (view.kind === "detail" || (view.kind === "confirm" && view.from === "detail")) {
    const agent = view.agent;
    return (
      <Box flexDirection="column" height={props.height}>
        <RegistryDetail key={`${agent.id}:${agent.updated_at}`} agent={agent} height={props.height - 1} />
        {view.kind === "confirm" ? <ConfirmLine view={view} /> : null}
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
              details={registryDetails(selected)}
              width={width}
              height={props.height}
            >
              <Hint text={registryHint(selected, "Enter open")} />
            </DetailPane>
          ) : null
        }
      />
      {view.kind === "confirm" ? <ConfirmLine view={view} /> : null}
    </Box>
  );
}
