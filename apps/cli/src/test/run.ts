import { bufferedIo } from "../io.ts";
import { runCli } from "../run-cli.ts";

/** What one in-process run of agentdeck did. */
export type RunResult = { code: number; out: string; err: string };

/** Runs an agentdeck command line in this process, as the `agentdeck` binary would, and keeps what it wrote. */
export async function agentdeck(
  argv: readonly string[],
  options: {
    env?: Record<string, string | undefined>;
    tty?: boolean;
    stdinTty?: boolean;
    columns?: number;
    stdin?: string;
  } = {},
): Promise<RunResult> {
  const io = bufferedIo(options);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}
