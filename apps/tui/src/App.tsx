import type { Client, UserContext } from "@agentdeck/core";
import { Box, useApp, useInput, useWindowSize } from "ink";
import { memo, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { AgentsScreen } from "./AgentsScreen.tsx";
import { CONNECTING, type Connection, connectionFailed, connectionOk } from "./connection.ts";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { ExecutionsScreen } from "./ExecutionsScreen.tsx";
import { errorMessage, isAbort } from "./errorMessage.ts";
import { HELP_LINES, HelpOverlay } from "./HelpOverlay.tsx";
import { type KeyRouter, KeyRouterContext, routeKey } from "./keyRouter.ts";
import { actionFor, GLOBAL_KEYS, keyPresses, singleKeys, toInk } from "./keys.ts";
import { MessageLine, messageLines } from "./MessageLine.tsx";
import { PoolsScreen } from "./PoolsScreen.tsx";
import { RegistryScreen } from "./RegistryScreen.tsx";
import { StatusBar } from "./StatusBar.tsx";
import type { ScreenProps } from "./screen.ts";
import { type Message, type Session, SessionContext } from "./session.ts";
import { cycleTab, TABS, TabBar, type TabId } from "./TabBar.tsx";
import { type Theme, ThemeContext, themeFor } from "./theme.ts";
import { useSyncState } from "./useSyncState.ts";
import { CHROME_ROWS } from "./viewport.ts";

/** What the app needs to know to start. */
export type AppProps = {
  readonly client: Client;
  /** What the status bar calls the environment: `sandbox`, a profile name, or the API's host. */
  readonly environment: string;
  /** The organization, when the settings name it; otherwise `GET /context` says. */
  readonly organizationId?: string | undefined;
  /** Whether the registry API is configured. */
  readonly registry: boolean;
  readonly theme?: Theme;
  /** Shown as the first message (a config file readable by others, say). */
  readonly warnings?: readonly string[];
  readonly initialTab?: TabId;
  /** `GET /context`, when the caller already asked (it sends it while the UI loads). */
  readonly context?: Promise<UserContext>;
};

const SCREENS: Record<TabId, (props: ScreenProps) => ReactNode> = {
  pools: memo(PoolsScreen),
  agents: memo(AgentsScreen),
  executions: memo(ExecutionsScreen),
  registry: memo(RegistryScreen),
};

/**
 * The whole UI: tabs, the current screen (every screen stays mounted, so each keeps its place),
 * the message line and the status bar. `?` shows every key; `q` quits unless something is being typed.
 */
export function App(props: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useWindowSize();
  const { client } = props;
  const [tab, setTab, tabRef] = useSyncState<TabId>(props.initialTab ?? "pools");
  const [help, setHelp, helpRef] = useSyncState(false);
  const [helpOffset, setHelpOffset] = useState(0);
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set([tab]));
  if (!visited.has(tab)) setVisited(new Set([...visited, tab]));
  const typingProbes = useRef<Partial<Record<TabId, () => boolean>>>({});
  const [organization, setOrganization] = useState<{ id: string | undefined; name: string | undefined }>({
    id: props.organizationId,
    name: undefined,
  });
  const [connection, setConnection] = useState<Connection>(CONNECTING);
  const [message, setMessage] = useState<Message | undefined>(
    props.warnings?.length ? { kind: "warning", text: props.warnings.join(" "), source: "start" } : undefined,
  );

  const failed = useCallback((source: string, error: unknown, doing?: string) => {
    if (isAbort(error)) return;
    setConnection((current) => connectionFailed(current, error));
    setMessage({ kind: "error", text: errorMessage(error, doing).text, source });
  }, []);
  const succeeded = useCallback((source: string) => {
    setConnection((current) => connectionOk(current, new Date()));
    setMessage((current) => (current?.kind === "error" && current.source === source ? undefined : current));
  }, []);
  const dismiss = useCallback(() => setMessage(undefined), []);

  const session = useMemo<Session>(
    () => ({
      client,
      organizationId: organization.id,
      registry: props.registry,
      failed,
      succeeded,
      notify: setMessage,
      dismiss,
    }),
    [client, organization.id, props.registry, failed, succeeded, dismiss],
  );

  // The organization's name for the status bar, and its id when the settings did not give one.
  const knownOrganization = props.organizationId;
  const startContext = props.context;
  useEffect(() => {
    const controller = new AbortController();
    (startContext ?? client.context.get({ signal: controller.signal })).then(
      (context) => {
        succeeded("context");
        const chosen =
          knownOrganization === undefined
            ? context.organizations[0]
            : context.organizations.find((org) => org.id === knownOrganization);
        if (knownOrganization === undefined && chosen === undefined) {
          setMessage({
            kind: "error",
            text: "Your key belongs to no organization: set ASTEROID_ORGANIZATION_ID to the one to use.",
            source: "context",
          });
          return;
        }
        if (knownOrganization === undefined && context.organizations.length > 1) {
          const text = `Your key has ${context.organizations.length} organizations; showing ${chosen?.name}. Set ASTEROID_ORGANIZATION_ID to choose.`;
          // Start-up warnings (a config file others can read) stay in front of this one.
          setMessage((current) =>
            current?.source === "start"
              ? { ...current, text: `${current.text} ${text}` }
              : { kind: "warning", text, source: "context" },
          );
        }
        setOrganization({ id: knownOrganization ?? chosen?.id, name: chosen?.name ?? knownOrganization });
      },
      (error: unknown) => failed("context", error, "read your organizations"),
    );
    return () => controller.abort();
  }, [client, knownOrganization, failed, succeeded, startContext]);

  const hasKeys = useMemo(
    () =>
      Object.fromEntries(
        TABS.map(({ id }) => [id, () => tabRef.current === id && !helpRef.current]),
      ) as Record<TabId, () => boolean>,
    [tabRef, helpRef],
  );
  const registerTyping = useMemo(
    () =>
      Object.fromEntries(
        TABS.map(({ id }) => [
          id,
          (probe: () => boolean) => {
            typingProbes.current[id] = probe;
          },
        ]),
      ) as Record<TabId, (probe: () => boolean) => void>,
    [],
  );

  /** Handles a key that works everywhere; true when it did (the help overlay takes every key). */
  const onKey = (name: string): boolean => {
    if (helpRef.current) {
      if (name === "esc" || name === "?") setHelp(false);
      else if (name === "q") exit();
      else if (name === "j" || name === "down") setHelpOffset((o) => Math.min(o + 1, HELP_LINES - 1));
      else if (name === "k" || name === "up") setHelpOffset((o) => Math.max(0, o - 1));
      return true;
    }
    if (typingProbes.current[tabRef.current]?.() ?? false) return false;
    const action = actionFor(GLOBAL_KEYS, name);
    if (action === "tab1") setTab("pools");
    else if (action === "tab2") setTab("agents");
    else if (action === "tab3") setTab("executions");
    else if (action === "tab4") setTab("registry");
    else if (action === "nextTab") setTab(cycleTab(tabRef.current, 1));
    else if (action === "previousTab") setTab(cycleTab(tabRef.current, -1));
    else if (action === "help") setHelp(true);
    else if (action === "quit") exit();
    return action !== undefined;
  };
  // Every key goes through here: first the keys that work everywhere (only the first key of a
  // chunk, as what it does decides what the rest mean), then each active handler of the screens.
  const [router] = useState<KeyRouter>(() => new Map());
  useInput((input, key) => {
    // Keys typed faster than the terminal reports them arrive together: take them one at a
    // time, each seeing what the ones before it did (a tab switched, a form opened).
    for (const press of keyPresses(input, key)) {
      const typing = typingProbes.current[tabRef.current]?.() ?? false;
      for (const single of typing && !helpRef.current ? [press] : singleKeys(press)) {
        if (!onKey(single.name)) routeKey(router, ...toInk(single));
      }
    }
  });

  const theme = props.theme ?? themeFor({ colour: true });
  const height = Math.max(4, rows - CHROME_ROWS + 1 - messageLines(message, columns));
  return (
    <ThemeContext value={theme}>
      <KeyRouterContext value={router}>
        <SessionContext value={session}>
          <Box flexDirection="column" width={columns} height={rows} overflow="hidden">
            <TabBar current={tab} />
            <Box height={height} flexShrink={0} flexDirection="column" overflow="hidden">
              {help ? <HelpOverlay height={height} width={columns} offset={helpOffset} /> : null}
              {TABS.map(({ id, title }) => {
                const Screen = SCREENS[id];
                const shown = id === tab && !help;
                return (
                  <Box key={id} display={shown ? "flex" : "none"} flexDirection="column" height={height}>
                    <ErrorBoundary name={title} resetKey={shown}>
                      <Screen
                        active={shown}
                        hasKeys={hasKeys[id]}
                        visible={shown}
                        opened={visited.has(id)}
                        width={columns}
                        height={height}
                        typing={registerTyping[id]}
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
              connection={connection}
            />
          </Box>
        </SessionContext>
      </KeyRouterContext>
    </ThemeContext>
  );
}
