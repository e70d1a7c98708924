import type { BatchHooks } from "../run/drive.ts";

/**
 * Test-only: `AGENTDECK_TEST_KILL_AT=before-execute:3` (or `during-execute:3`, `after-execute:3`)
 * kills this process with SIGKILL at that point of its third execute, so the crash tests can land in
 * each window deterministically, `after-execute` being the one between the server's answer and the journal write.
 */
export function testHooksFrom(env: NodeJS.ProcessEnv): BatchHooks | undefined {
  const match = /^(before|during|after)-execute:(\d+)$/.exec(env.AGENTDECK_TEST_KILL_AT ?? "");
  if (match === null) return undefined;
  const at = Number(match[2]);
  const kill = () => process.kill(process.pid, "SIGKILL");
  const when = (n: number) => n === at;
  switch (match[1]) {
    case "before":
      return { beforeExecute: (n) => when(n) && kill() };
    case "during":
      // A moment after the request was handed over: it is on the wire, its answer never read.
      return { duringExecute: (n) => void (when(n) && setTimeout(kill, 2)) };
    default:
      return { afterExecute: (n) => when(n) && kill() };
  }
}
