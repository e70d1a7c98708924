import {
  ApiError,
  type ApiName,
  AuthenticationError,
  ConnectionError,
  InternalServerError,
  TimeoutError,
} from "@agentdeck/core";

/** What the status bar says about the link to one API. */
export type Connection = {
  readonly state: "unused" | "connecting" | "connected" | "offline" | "unauthorized" | "failing";
  /** When a request last succeeded. */
  readonly lastOk: Date | undefined;
  /** Bumped each time the API answers again after failing: lists of that API fetch again. */
  readonly reconnects: number;
};

/** Each API has its own: a good registry token says nothing about the v2 key. */
export type Connections = Readonly<Record<ApiName, Connection>>;

export const CONNECTING: Connection = { state: "connecting", lastOk: undefined, reconnects: 0 };
export const UNUSED: Connection = { state: "unused", lastOk: undefined, reconnects: 0 };

const DOWN: readonly Connection["state"][] = ["offline", "unauthorized", "failing"];

/** The connection after a request succeeded at `at`; coming back from a failure counts as a reconnect. */
export function connectionOk(current: Connection, at: Date): Connection {
  const back = DOWN.includes(current.state);
  return { state: "connected", lastOk: at, reconnects: current.reconnects + (back ? 1 : 0) };
}

/**
 * The connection after a request failed with `error`: no answer at all is offline, a refused
 * key is unauthorized, a 5xx is failing; any other answer still proves the server is there.
 */
export function connectionFailed(current: Connection, error: unknown): Connection {
  if (error instanceof ConnectionError || error instanceof TimeoutError)
    return { ...current, state: "offline" };
  if (error instanceof AuthenticationError) return { ...current, state: "unauthorized" };
  if (error instanceof InternalServerError) return { ...current, state: "failing" };
  if (error instanceof ApiError) return connectionOk(current, current.lastOk ?? new Date());
  return current;
}

/** The API an error is about: the one it names, else the one the caller asked (none for a local file). */
export function apiOf(error: unknown, asked: ApiName | undefined): ApiName | undefined {
  if (error instanceof ApiError || error instanceof ConnectionError) return error.api;
  return asked;
}
