import type { ExecutionStatus, SETTABLE_STATUSES } from "./execution.ts";

type Settable = (typeof SETTABLE_STATUSES)[number];

/** Where an execution may go from each status, as the execution-statuses page documents it. */
export const EXECUTION_TRANSITIONS: Readonly<Record<ExecutionStatus, readonly ExecutionStatus[]>> = {
  starting: ["running", "failed", "cancelled", "completed"],
  running: ["paused", "paused_by_agent", "cancelled", "awaiting_confirmation", "completed", "failed"],
  paused: ["cancelled", "running"],
  paused_by_agent: ["cancelled", "running"],
  awaiting_confirmation: ["completed", "cancelled", "failed", "running"],
  completed: [],
  cancelled: [],
  failed: [],
};

/** Whether the documented machine lets an execution move from `from` to `to`. */
export function canTransition(from: ExecutionStatus, to: ExecutionStatus): boolean {
  return EXECUTION_TRANSITIONS[from].includes(to);
}

/**
 * The moves a caller may ask for through `POST /executions/{id}/status`, each one a transition of the
 * machine: pause a running execution, resume one that is paused or waiting, cancel an unfinished one.
 * Starting → running is the agent's own move, so "resuming" a starting execution is refused.
 */
export const STATUS_MOVES: Readonly<Record<Settable, readonly ExecutionStatus[]>> = {
  paused: ["running"],
  running: ["paused", "paused_by_agent", "awaiting_confirmation"],
  cancelled: ["starting", "running", "paused", "paused_by_agent", "awaiting_confirmation"],
};

/** Whether a caller may move an execution from `from` to `to`; asking for the current status is allowed and changes nothing. */
export function canRequestStatus(from: string, to: Settable): boolean {
  return from === to || (STATUS_MOVES[to] as readonly string[]).includes(from);
}

/** Why a requested move is refused, naming both statuses and what the caller can do instead. */
export function statusRefusal(from: string, to: Settable): string {
  const options = (Object.keys(STATUS_MOVES) as Settable[]).filter((s) =>
    (STATUS_MOVES[s] as readonly string[]).includes(from),
  );
  const instead =
    EXECUTION_TRANSITIONS[from as ExecutionStatus]?.length === 0
      ? `${from} is a final status`
      : options.length === 0
        ? `an execution that is ${from} cannot be changed by request yet`
        : `from ${from} it can be set to ${options.join(" or ")}`;
  return `cannot change the execution's status from ${from} to ${to}: ${instead}`;
}
