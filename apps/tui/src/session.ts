import type { Client } from "@agentdeck/core";
import { createContext, useContext } from "react";

/** A line at the bottom of the screen: what just happened, or what went wrong and what to do. */
export type Message = {
  readonly kind: "error" | "warning" | "info";
  readonly text: string;
  /** Who said it; the same source succeeding later takes an error away. */
  readonly source: string;
};

/** Everything a screen needs from the app: the client, the organization, and a way to report. */
export type Session = {
  readonly client: Client;
  /** Undefined until `ASTEROID_ORGANIZATION_ID` or `GET /context` has said. */
  readonly organizationId: string | undefined;
  /** Whether the registry API is configured (a token is set, or the sandbox is running). */
  readonly registry: boolean;
  /** Shows `error` as a message saying what to do; aborts are ignored. `doing` completes "Could not …". */
  readonly failed: (source: string, error: unknown, doing?: string) => void;
  /** A request of `source` succeeded: the connection is up, and an error `source` reported is gone. */
  readonly succeeded: (source: string) => void;
  /** Shows a message. */
  readonly notify: (message: Message) => void;
  /** Takes the message away. */
  readonly dismiss: () => void;
};

export const SessionContext = createContext<Session | null>(null);

/** The session of the app this component is in. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSession() must be called inside <App>");
  return session;
}
