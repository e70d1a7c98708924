import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  InternalServerError,
  TimeoutError,
} from "@agentdeck/core";

/** What the status bar says about the link to the API. */
export type Connection = {
  readonly state: "connecting" | "connected" | "offline" | "unauthorized" | "failing";
  /** When a request last succeeded. */
  readonly lastOk: Date | undefined;
};

export const CONNECTING: Connection = { state: "connecting", lastOk: undefined };

/** The connection after a request succeeded at `at`. */
export function connectionOk(_: Connection, at: Date): Connection {
  return { state: "connected", lastOk: at };
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
  if (error instanceof ApiError) return { ...current, state: "connected" };
  return current;
}
