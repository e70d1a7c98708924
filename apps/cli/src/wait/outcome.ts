import { EXIT, type ExitCode } from "../exit-codes.ts";

/** How `run --wait` and `executions watch` exit: by the status the execution ended in. */
export function exitForStatus(status: string): ExitCode {
  if (status === "completed") return EXIT.ok;
  if (status === "failed") return EXIT.runFailed;
  if (status === "cancelled") return EXIT.runCancelled;
  return EXIT.error;
}

/** The command that picks a wait up again. */
export function resumeCommand(executionId: string): string {
  return `agentdeck executions watch ${executionId}`;
}
