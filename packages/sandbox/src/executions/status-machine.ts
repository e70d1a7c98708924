import type { ExecutionStatus, SETTABLE_STATUSES } from "@agentdeck/core";

type Settable = (typeof SETTABLE_STATUSES)[number];

/** Where an execution may go from each status, as the execution-statuses page documents it. */
export const TRANSITIONS: Readonly<Record<ExecutionStatus, readonly ExecutionStatus[]>> = {
  starting: ["running", "failed", "cancelled", "completed"],
  running: ["paused", "paused_by_agent", "cancelled", "awaiting_confirmation", "completed", "failed"],
  paused: ["cancelled", "running"],
  paused_by_agent: ["cancelled", "running"],
  awaiting_confirmation: ["completed", "cancelled", "failed", "running"],
  completed: [],
  cancelled: [],
  failed: [],
};

export function canTransition(from: ExecutionStatus, to: ExecutionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * The moves a caller may ask for through `POST /executions/{id}/status`, each one a transition of the
 * machine: pause a running execution, resume one that is paused or waiting, cancel an unfinished one.
 * Starting → running is the agent's own move, so "resuming" a starting execution is refused.
 */
export const USER_MOVES: Readonly<Record<Settable, readonly ExecutionStatus[]>> = {
  paused: ["running"],
  running: ["paused", "paused_by_agent", "awaiting_confirmation"],
  cancelled: ["starting", "running", "paused", "paused_by_agent", "awaiting_confirmation"],
};

/** Whether a caller may move an execution from `from` to `to`; asking for the current status is allowed and changes nothing. */
export function canRequest(from: ExecutionStatus, to: Settable): boolean {
  return from === to || USER_MOVES[to].includes(from);
}

/** Why a requested move is refused, naming both statuses and what the caller can do instead. */
export function refusal(from: ExecutionStatus, to: Settable): string {
  const options = (Object.keys(USER_MOVES) as Settable[]).filter((s) => USER_MOVES[s].includes(from));
  const instead =
    TRANSITIONS[from].length === 0
      ? `${from} is a final status`
      : options.length === 0
        ? `an execution that is ${from} cannot be changed by request yet`
        : `from ${from} it can be set to ${options.join(" or ")}`;
  return `cannot change the execution's status from ${from} to ${to}: ${instead}`;
}
