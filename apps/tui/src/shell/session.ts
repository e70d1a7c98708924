import type { ApiName, Client } from "@agentdeck/core";
import { createContext, useContext } from "react";
import type { Credentials } from "../common/credentials.ts";
import { errorMessage, isAbort } from "../common/errorMessage.ts";
import type { Store } from "../common/store.ts";
import { apiOf, type Connections, connectionFailed, connectionOk } from "./connection.ts";
import type { Messages, Owner } from "./messages.ts";

/** How a view reports what happened: success keeps the connection state up to date, failure says what to do. */
export type Reporter = {
  /** A request to `api` (or the reporter's) succeeded: the API is up, and an error this view showed is gone. */
  readonly ok: (api?: ApiName) => void;
  /**
   * Shows what `error` means and what to do (aborts are ignored). `doing` completes "Could not …";
   * `ifActed` says how to find out whether a request that may have created something did.
   */
  readonly failed: (error: unknown, doing?: string, options?: { api?: ApiName; ifActed?: string }) => void;
  /** A failure the view shows in place (a poll that will be tried again): only the connection state changes. */
  readonly failedInPlace: (error: unknown) => void;
  readonly info: (text: string) => void;
  readonly warn: (text: string) => void;
  readonly clear: () => void;
};

/** Everything the views need from the app. */
export type Session = {
  readonly client: Client;
  /** Undefined until `ASTEROID_ORGANIZATION_ID` or `GET /context` has said. */
  readonly organizationId: string | undefined;
  /** Why the organization is not known, when `GET /context` failed. */
  readonly organizationError: unknown;
  /** Whether the registry API is configured (a token is set, or the sandbox is running). */
  readonly registry: boolean;
  readonly credentials: Credentials;
  readonly messages: Messages;
  readonly connections: Store<Connections>;
  /** Asks `GET /context` again (R where the organization is not known yet). */
  readonly retryContext: () => void;
  /** Puts `text` on the system clipboard (OSC 52, which terminals and tmux understand). */
  readonly copy: (text: string) => void;
  /** How often lists on screen fetch their page again. */
  readonly refreshMs: number | undefined;
  /** The directory relative paths are read from and files are saved to (the process's, unless told). */
  readonly cwd: string;
  /** The batch journal `--journal` named; without one, the Batch tab shows the newest in `cwd`. */
  readonly journal: string | undefined;
  /**
   * The reporter of `owner`, whose requests go to `api` (none: it reads local files, and only an
   * error naming its API changes a connection state); `retryKey` names the key that tries again there.
   */
  readonly reporter: (
    owner: Owner,
    api: ApiName | undefined,
    retryKey?: () => string | undefined,
  ) => Reporter;
};

/** The reporters of a session: messages by owner, and each API's connection state. */
export function makeReporter(
  parts: Pick<Session, "messages" | "connections" | "credentials">,
): Session["reporter"] {
  const { messages, connections } = parts;
  const down = (error: unknown, asked: ApiName | undefined) => {
    const api = apiOf(error, asked);
    if (api !== undefined)
      connections.update((all) => ({ ...all, [api]: connectionFailed(all[api], error) }));
  };
  return (owner, asked, retryKey) => ({
    ok: (api = asked) => {
      if (api !== undefined)
        connections.update((all) => ({ ...all, [api]: connectionOk(all[api], new Date()) }));
      messages.clear(owner, "error");
    },
    failed: (error, doing, options = {}) => {
      if (isAbort(error)) return;
      down(error, options.api ?? asked);
      const text = errorMessage(error, {
        doing,
        retryKey: retryKey?.(),
        credentials: parts.credentials,
        ifActed: options.ifActed,
      }).text;
      messages.say(owner, { kind: "error", text });
    },
    failedInPlace: (error) => {
      if (!isAbort(error)) down(error, asked);
    },
    info: (text) => messages.say(owner, { kind: "info", text }),
    warn: (text) => messages.say(owner, { kind: "warning", text }),
    clear: () => messages.clear(owner),
  });
}

export const SessionContext = createContext<Session | null>(null);

/** The session of the app this component is in. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSession() must be called inside <App>");
  return session;
}
