import { AgentdeckError } from "@agentdeck/core";
import { FateUnknownError } from "./cli-errors.ts";

/**
 * Whether the server may have acted on a request that failed. Core decides it for every error it
 * throws (`err.mayHaveActed`: the request went out and its fate is unknown, or the answer was lost);
 * anything else (a file that cannot be read, a bad flag) failed before a request was sent.
 */
export function mayHaveActed(error: unknown): boolean {
  return error instanceof AgentdeckError && error.mayHaveActed;
}

/**
 * Runs a call that creates or starts something. When it fails in a way that may have left it done,
 * the error is wrapped with `check`, the agentdeck command that finds out (core's own message says
 * the same in library terms), so nobody re-sends it blindly.
 */
export async function unlessFateUnknown<T>(call: Promise<T>, check: string): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw mayHaveActed(error) ? new FateUnknownError(error, check) : error;
  }
}
