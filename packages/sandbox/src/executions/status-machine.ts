import type { ExecutionStatus } from "@agentdeck/core";

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

/** Why `from` → `to` is refused, naming both and what is possible instead. */
export function transitionRefusal(from: ExecutionStatus, to: ExecutionStatus): string {
  const allowed = TRANSITIONS[from];
  const instead =
    allowed.length === 0 ? `${from} is a final status` : `from ${from} it can only go to ${allowed.join(", ")}`;
  return `cannot change the execution's status from ${from} to ${to}: ${instead}`;
}
