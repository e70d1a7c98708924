import { isTerminalStatus } from "@agentdeck/core";

/** A status change a person can ask for from the monitor. */
export type Steer = "pause" | "resume" | "cancel";

/**
 * Why `steer` cannot be done to an execution in `status`, following the documented status
 * machine, or undefined when it can. The server has the last word; this saves a round trip.
 */
export function steerBlocked(steer: Steer, status: string): string | undefined {
  if (isTerminalStatus(status)) return `the execution has ended (${status})`;
  if (steer === "pause" && status !== "running")
    return `only a running execution can be paused (it is ${status})`;
  if (steer === "resume" && !["paused", "paused_by_agent", "awaiting_confirmation"].includes(status)) {
    return `only a paused execution can be resumed (it is ${status})`;
  }
  return undefined;
}
