import type { Client } from "@agentdeck/core";
import { Box, useApp, useInput, useWindowSize } from "ink";
import { memo, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { AgentsScreen } from "./AgentsScreen.tsx";
import { CONNECTING, type Connection, connectionFailed, connectionOk } from "./connection.ts";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { ExecutionsScreen } from "./ExecutionsScreen.tsx";
import { errorMessage, isAbort } from "./errorMessage.ts";
import { HelpOverlay } from "./HelpOverlay.tsx";
import { actionFor, GLOBAL_KEYS, keyPresses } from "./keys.ts";
import { MessageLine } from "./MessageLine.tsx";
import { PoolsScreen } from "./PoolsScreen.tsx";
import { RegistryScreen } from "./RegistryScreen.tsx";
import { StatusBar } from "./StatusBar.tsx";
import type { ScreenProps } from "./screen.ts";
import { type Message, type Session, SessionContext } from "./session.ts";
import { cycleTab, TABS, TabBar, type TabId } from "./TabBar.tsx";
import { type Theme, ThemeContext, themeFor } from "./theme.ts";
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
};

const SCREENS: Record<TabId, (props: ScreenProps) => ReactNode> = {
  pools: memo(PoolsScreen),
  agents: memo(AgentsScreen),
  executions: memo(ExecutionsScreen),
  registry: memo(RegistryScreen),
};

const NOT_TYPING: Record<TabId, boolean> = {
  pools: false,
  agents: false,
  executions: false,
  registry: false,
};

/**
 * The whole UI: tabs, the current screen (every screen stays mounted, so each keeps its place),
 * the message line and the status bar. `?` shows every key; `q` quits unless something is being typed.
 */
export function App(props: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useWindowSize();
  const { client } = props;
  const [tab, setTab] = useState<TabId>(props.initialTab ?? "pools");
  const [help, setHelp] = useState(false);
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
  useEffect(() => {
    const controller = new AbortController();
    client.context.get({ signal: controller.signal }).then(
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
          setMessage({
            kind: "warning",
            text: `Your key has ${context.organizations.length} organizations; showing ${chosen?.name}. Set ASTEROID_ORGANIZATION_ID to choose.`,
            source: "context",
          });
        }
        setOrganization({ id: knownOrganization ?? chosen?.id, name: chosen?.name ?? knownOrganization });
      },
      (error: unknown) => failed("context", error, "read your organizations"),
    );
    return () => controller.abort();
  }, [client, knownOrganization, failed, succeeded]);

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

  const onKey = (name: string) => {
    if (help) {
      if (name === "esc" || name === "?") setHelp(false);
      else if (name === "q") exit();
      return;
    }
    if (typingProbes.current[tab]?.() ?? false) return;
    switch (actionFor(GLOBAL_KEYS, name)) {
      case "tab1":
        return setTab("pools");
      case "tab2":
        return setTab("agents");
      case "tab3":
        return setTab("executions");
      case "tab4":
        return setTab("registry");
      case "nextTab":
        return setTab((current) => cycleTab(current, 1));
      case "previousTab":
        return setTab((current) => cycleTab(current, -1));
      case "help":
        return setHelp(true);
      case "quit":
        return exit();
    }
  };
  // Only the first key of a chunk: what it does (a form opening) decides what the rest mean.
  useInput((input, key) => onKey(keyPresses(input, key)[0]?.name ?? ""));

  const theme = props.theme ?? themeFor({ colour: true });
  const height = Math.max(4, rows - CHROME_ROWS);
  return (
    <ThemeContext value={theme}>
      <SessionContext value={session}>
        <Box flexDirection="column" width={columns} height={rows} overflow="hidden">
          <TabBar current={tab} />
          <Box height={height} flexDirection="column" overflow="hidden">
            {help ? <HelpOverlay height={height} width={columns} /> : null}
            {TABS.map(({ id, title }) => {
              const Screen = SCREENS[id];
              const shown = id === tab && !help;
              return (
                <Box key={id} display={shown ? "flex" : "none"} flexDirection="column" height={height}>
                  <ErrorBoundary name={title} resetKey={shown}>
                    <Screen
                      active={shown}
                      visible={shown}
                      width={columns}
                      height={height}
                      typing={registerTyping[id]}
                    />
                  </ErrorBoundary>
                </Box>
              );
            })}
          </Box>
          <MessageLine message={message} />
          <StatusBar
            environment={props.environment}
            organization={organization.name ?? organization.id}
            connection={connection}
          />
        </Box>
      </SessionContext>
    </ThemeContext>
  );
}
