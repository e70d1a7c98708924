import type { Client, UserContext } from "@agentdeck/core";
import { Box, Text, useApp, useInput, useWindowSize } from "ink";
import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { clip } from "../common/cells.ts";
import { type Credentials, FROM_ENVIRONMENT } from "../common/credentials.ts";
import { sanitize } from "../common/sanitize.ts";
import { Store, useStore } from "../common/store.ts";
import { type Theme, ThemeContext, themeFor } from "../common/theme.ts";
import { bindingFor, resolveBindings } from "../keys/binding.ts";
import { decodeKeys, type KeyPress } from "../keys/keyPress.ts";
import { AGENTS } from "../screens/agents/agents.ts";
import { BATCH } from "../screens/batch/batch.ts";
import { EXECUTIONS } from "../screens/executions/executions.ts";
import { POOLS } from "../screens/pools/pools.ts";
import { ResourceScreen } from "../screens/ResourceScreen.tsx";
import { REGISTRY } from "../screens/registry/registry.ts";
import type { OpeningPage, Resource } from "../screens/resource.ts";
import { CONNECTING, type Connections, UNUSED } from "./connection.ts";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { type AppActions, GLOBAL_BINDINGS } from "./globalBindings.ts";
import { type HelpGroup, HelpOverlay, helpLines } from "./HelpOverlay.tsx";
import { MessageLine, messageText } from "./MessageLine.tsx";
import { type Message, Messages } from "./messages.ts";
import type { TabController } from "./StackView.tsx";
import { StatusBar } from "./StatusBar.tsx";
import { makeReporter, type Session, SessionContext } from "./session.ts";
import { TABS, TabBar, type TabId } from "./TabBar.tsx";

/** What the UI talks to: a client and what to call it, and where its credentials came from. */
export type Backend = {
  readonly client: Client;
  /** What the status bar calls the environment: `sandbox`, a profile name, or the API's host. */
  readonly environment: string;
  /** The organization, when the settings name it; otherwise `GET /context` says. */
  readonly organizationId?: string | undefined;
  /** Whether the registry API is configured. */
  readonly registry: boolean;
  readonly credentials?: Credentials;
  /** `GET /context`, when the caller already asked (it sends it while the UI loads). */
  readonly context?: Promise<UserContext>;
  /** Shown as the first message (a config file readable by others, say). */
  readonly warnings?: readonly string[];
  /** Lets go of it (stops an embedded sandbox) once another backend took over. */
  readonly close?: () => Promise<void>;
};

/** The profiles of the config file the user may switch to inside the app (`P`). */
export type ProfileSwitch = {
  readonly names: readonly string[];
  readonly current: string | undefined;
  readonly open: (name: string) => Promise<Backend>;
};

/** What the app needs to know to start. */
export type AppProps = Backend & {
  readonly theme?: Theme;
  readonly initialTab?: TabId;
  /** How often lists on screen fetch their page again (default 5 s). */
  readonly refreshMs?: number;
  /** Where files are saved and batch journals are looked for (default: the process's directory). */
  readonly cwd?: string;
  /** The batch journal to show (`--journal`); without one, the newest in `cwd`. */
  readonly journal?: string | undefined;
  /** Puts text on the clipboard (`y`); the command writes OSC 52 to the terminal. */
  readonly copy?: (text: string) => void;
  readonly profiles?: ProfileSwitch;
  /** `GET /context`'s answer when it came before the first frame (then the organization is in it). */
  readonly initialContext?: UserContext | undefined;
  /** The first page of the tab the app opens on, when it came before the first frame. */
  readonly opening?: OpeningPage<{ id: string }> | undefined;
};

/** The organization to show: the one the settings name, or the key's first. */
function chooseOrganization(context: UserContext, known: string | undefined) {
  return known === undefined
    ? context.organizations[0]
    : context.organizations.find((org) => org.id === known);
}

const RESOURCES: Record<TabId, Resource<{ id: string }>> = {
  pools: POOLS as unknown as Resource<{ id: string }>,
  agents: AGENTS as unknown as Resource<{ id: string }>,
  executions: EXECUTIONS as unknown as Resource<{ id: string }>,
  registry: REGISTRY as unknown as Resource<{ id: string }>,
  batch: BATCH as unknown as Resource<{ id: string }>,
};

const Screen = memo(ResourceScreen) as typeof ResourceScreen;

type Overlay =
  | { readonly kind: "help"; readonly offset: number }
  | { readonly kind: "profiles"; readonly cursor: number };
type AppState = {
  readonly tab: TabId;
  readonly visited: ReadonlySet<TabId>;
  readonly overlay: Overlay | undefined;
};

/**
 * The whole UI: the tab bar, every tab's screen (all mounted from the start, so each keeps its
 * place and keys typed right after a tab key reach it), the message line and the status bar. A
 * profile switched to (`P`) starts it all again on the new backend.
 */
export function App(props: AppProps) {
  const [current, setCurrent] = useState<{ key: number; backend: Backend; profile: string | undefined }>({
    key: 0,
    backend: props,
    profile: props.profiles?.current,
  });
  const { profiles } = props;
  const switchTo = useCallback(
    async (name: string) => {
      if (profiles === undefined) return;
      const backend = await profiles.open(name);
      setCurrent((was) => {
        void was.backend.close?.();
        return { key: was.key + 1, backend, profile: name };
      });
    },
    [profiles],
  );
  return (
    <Shell key={current.key} {...props} {...current.backend} profile={current.profile} switchTo={switchTo} />
  );
}

function Shell(
  props: AppProps & {
    readonly profile: string | undefined;
    readonly switchTo: (name: string) => Promise<void>;
  },
) {
  const { exit } = useApp();
  const { columns, rows } = useWindowSize();
  const { client } = props;
  const [app] = useState(
    () =>
      new Store<AppState>({
        tab: props.initialTab ?? "pools",
        visited: new Set([props.initialTab ?? "pools"]),
        overlay: undefined,
      }),
  );
  const appState = useStore(app);
  const [messages] = useState(() => {
    const m = new Messages();
    if (props.warnings?.length) m.say("app", { kind: "warning", text: props.warnings.join(" ") });
    return m;
  });
  const [connections] = useState(() => new Store<Connections>({ v2: CONNECTING, registry: UNUSED }));
  const [organization, setOrganization] = useState<{
    id: string | undefined;
    name: string | undefined;
    error: unknown;
  }>(() => {
    const chosen = props.initialContext && chooseOrganization(props.initialContext, props.organizationId);
    return {
      id: props.organizationId ?? chosen?.id,
      name: chosen?.name ?? props.organizationId,
      error: undefined,
    };
  });
  const [contextTries, setContextTries] = useState(0);
  const credentials = props.credentials ?? FROM_ENVIRONMENT;
  const copy = props.copy;
  const reporter = useMemo(
    () => makeReporter({ messages, connections, credentials }),
    [messages, connections, credentials],
  );
  const session = useMemo<Session>(
    () => ({
      client,
      organizationId: organization.id,
      organizationError: organization.error,
      registry: props.registry,
      credentials,
      messages,
      connections,
      retryContext: () => setContextTries((n) => n + 1),
      copy: copy ?? (() => {}),
      refreshMs: props.refreshMs,
      cwd: props.cwd ?? process.cwd(),
      journal: props.journal,
      reporter,
    }),
    [
      client,
      organization.id,
      organization.error,
      props.registry,
      credentials,
      messages,
      connections,
      copy,
      props.refreshMs,
      props.cwd,
      props.journal,
      reporter,
    ],
  );

  // The organization's name for the status bar, and its id when the settings did not give one.
  const known = props.organizationId;
  const first = props.context;
  const initialContext = props.initialContext;
  useEffect(() => {
    const controller = new AbortController();
    const report = reporter("app", "v2");
    const asked =
      contextTries === 0 && initialContext
        ? Promise.resolve(initialContext)
        : contextTries === 0 && first
          ? first
          : client.context.get({ signal: controller.signal });
    asked.then(
      (context) => {
        if (controller.signal.aborted) return;
        report.ok();
        const chosen = chooseOrganization(context, known);
        if (known === undefined && chosen === undefined) {
          const error = new Error(
            "Your key belongs to no organization: set ASTEROID_ORGANIZATION_ID to the one to use.",
          );
          messages.say("app", { kind: "error", text: error.message });
          setOrganization((o) => ({ ...o, error }));
          return;
        }
        if (known === undefined && context.organizations.length > 1) {
          const text = `Your key has ${context.organizations.length} organizations; showing ${chosen?.name}. Set ASTEROID_ORGANIZATION_ID to choose.`;
          const start = messages.store.get().get("app");
          // Start-up warnings (a config file others can read) stay in front of this one.
          messages.say(
            "app",
            start?.kind === "warning"
              ? { ...start, text: `${start.text} ${text}` }
              : { kind: "warning", text },
          );
        }
        setOrganization((was) => {
          const id = known ?? chosen?.id;
          const name = chosen?.name ?? known;
          // Known from the first frame already: nothing to draw again.
          return was.id === id && was.name === name && was.error === undefined
            ? was
            : { id, name, error: undefined };
        });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        report.failed(error, "read your organizations");
        setOrganization((o) => ({ ...o, error }));
      },
    );
    return () => controller.abort();
  }, [client, known, first, initialContext, contextTries, reporter, messages]);

  const controllers = useRef<Partial<Record<TabId, TabController>>>({});
  const register = useMemo(
    () =>
      Object.fromEntries(
        TABS.map(({ id }) => [
          id,
          (controller: TabController) => {
            controllers.current[id] = controller;
          },
        ]),
      ) as Record<TabId, (controller: TabController) => void>,
    [],
  );

  const showTab = (tab: TabId) =>
    app.update((s) => ({
      ...s,
      tab,
      visited: s.visited.has(tab) ? s.visited : new Set([...s.visited, tab]),
    }));
  const profileNames = props.profiles?.names ?? [];
  const actions: AppActions = {
    tab: app.get().tab,
    showTab,
    openHelp: () => app.update((s) => ({ ...s, overlay: { kind: "help", offset: 0 } })),
    profilesUnavailable:
      profileNames.length === 0 ? "the config file has no profiles (see agentdeck --help)" : undefined,
    openProfiles: () =>
      app.update((s) => ({
        ...s,
        overlay: { kind: "profiles", cursor: Math.max(0, profileNames.indexOf(props.profile ?? "")) },
      })),
    quit: exit,
  };

  /** One key: the help or the profile list when open, else the keys of everywhere, else the tab's view. */
  const dispatch = (press: KeyPress) => {
    const state = app.get();
    const overlay = state.overlay;
    if (overlay?.kind === "help") {
      if (press.name === "esc" || press.name === "?") app.update((s) => ({ ...s, overlay: undefined }));
      else if (press.name === "q" || press.name === "ctrl+c") exit();
      else if (press.name === "j" || press.name === "down")
        app.update((s) => ({ ...s, overlay: { kind: "help", offset: overlay.offset + 1 } }));
      else if (press.name === "k" || press.name === "up")
        app.update((s) => ({ ...s, overlay: { kind: "help", offset: Math.max(0, overlay.offset - 1) } }));
      return;
    }
    if (overlay?.kind === "profiles") {
      const last = Math.max(0, profileNames.length - 1);
      if (press.name === "esc") app.update((s) => ({ ...s, overlay: undefined }));
      else if (press.name === "j" || press.name === "down")
        app.update((s) => ({
          ...s,
          overlay: { kind: "profiles", cursor: Math.min(last, overlay.cursor + 1) },
        }));
      else if (press.name === "k" || press.name === "up")
        app.update((s) => ({ ...s, overlay: { kind: "profiles", cursor: Math.max(0, overlay.cursor - 1) } }));
      else if (press.name === "enter") {
        const name = profileNames[overlay.cursor];
        app.update((s) => ({ ...s, overlay: undefined }));
        if (name !== undefined) {
          messages.say("app", { kind: "info", text: `Connecting with profile ${name}…` });
          props
            .switchTo(name)
            .catch((error: unknown) => reporter("app", "v2").failed(error, `switch to profile ${name}`));
        }
      }
      return;
    }
    const controller = controllers.current[state.tab];
    const typing = controller?.typing() ?? false;
    if (!typing || press.name === "ctrl+c") {
      const binding = bindingFor(resolveBindings(GLOBAL_BINDINGS, { ...actions, tab: state.tab }), press);
      if (binding !== undefined) {
        if (binding.disabledReason === undefined) binding.run();
        else
          messages.say("app", {
            kind: "warning",
            text: `Cannot ${binding.description}: ${binding.disabledReason}.`,
          });
        return;
      }
    }
    controller?.handle(press);
  };
  // Keys are decoded here, once: every view gets whole key presses, one at a time, each seeing
  // what the ones before it did (a tab switched, a form opened).
  useInput((input, key) => {
    for (const press of decodeKeys(input, key)) dispatch(press);
  });

  const message = useShownMessage(messages, controllers.current[appState.tab], app);
  const theme = props.theme ?? themeFor({ colour: true });
  const messageRows = messageText(message, columns).length;
  const height = Math.max(1, rows - 2 - messageRows);
  const overlay = appState.overlay;
  let helpGroups: HelpGroup[] = [];
  if (overlay?.kind === "help") {
    const here = controllers.current[appState.tab]?.current();
    helpGroups = [
      ...(here ? [{ title: here.title, bindings: here.bindings }] : []),
      { title: "Everywhere", bindings: resolveBindings(GLOBAL_BINDINGS, actions) },
    ];
  }
  return (
    <ThemeContext value={theme}>
      <SessionContext value={session}>
        <Box flexDirection="column" width={columns} height={rows}>
          <TabBar current={appState.tab} width={columns} />
          <Box height={height} flexShrink={0} flexDirection="column">
            {overlay?.kind === "help" ? (
              <HelpOverlay
                groups={helpGroups}
                height={height}
                width={columns}
                offset={Math.min(overlay.offset, helpLines(helpGroups).length - 1)}
              />
            ) : null}
            {overlay?.kind === "profiles" ? (
              <ProfileList
                names={profileNames}
                cursor={overlay.cursor}
                current={props.profile}
                width={columns}
              />
            ) : null}
            {TABS.map(({ id, title }) => {
              const shown = id === appState.tab && overlay === undefined;
              return (
                <Box key={id} display={shown ? "flex" : "none"} flexDirection="column" height={height}>
                  <ErrorBoundary name={title} resetKey={shown}>
                    <Screen
                      resource={RESOURCES[id]}
                      opening={id === (props.initialTab ?? "pools") ? props.opening : undefined}
                      active={shown}
                      opened={appState.visited.has(id)}
                      width={columns}
                      height={height}
                      register={register[id]}
                    />
                  </ErrorBoundary>
                </Box>
              );
            })}
          </Box>
          <MessageLine message={message} columns={columns} />
          <StatusBar
            environment={props.environment}
            organization={organization.name ?? organization.id}
            connections={connections}
            width={columns}
          />
        </Box>
      </SessionContext>
    </ThemeContext>
  );
}

/** The message of the view that has the keys on the tab on screen, else the app's; drawn again only when it changes. */
function useShownMessage(
  messages: Messages,
  controller: TabController | undefined,
  app: Store<AppState>,
): Message | undefined {
  const subscribe = useCallback(
    (listener: () => void) => {
      const off = [
        messages.store.subscribe(listener),
        app.subscribe(listener),
        controller?.subscribe(listener),
      ];
      return () => {
        for (const unsubscribe of off) unsubscribe?.();
      };
    },
    [messages, app, controller],
  );
  return useSyncExternalStore(subscribe, () => messages.shown(controller?.owner()));
}

function ProfileList(props: {
  readonly names: readonly string[];
  readonly cursor: number;
  readonly current: string | undefined;
  readonly width: number;
}) {
  return (
    <Box flexDirection="column">
      <Text bold>{clip(" Switch profile (Enter connects, Esc closes)", props.width)}</Text>
      {props.names.map((name, index) => (
        <Text key={name} inverse={index === props.cursor}>
          {clip(
            `${index === props.cursor ? "›" : " "} ${sanitize(name)}${name === props.current ? "  (in use)" : ""}`,
            props.width,
          )}
        </Text>
      ))}
    </Box>
  );
}
