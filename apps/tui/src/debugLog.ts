import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { format } from "node:util";
import envPaths from "env-paths";

/**
 * With `AGENTDECK_LOG=debug`, core logs every request to `console.error`. On a full-screen UI that
 * would scribble over the frame, so the lines go to a file (mode 0600) instead; the path is
 * returned for the status line. Core has already redacted every key and token in them.
 */
export function redirectDebugLog(env: NodeJS.ProcessEnv): string | undefined {
  if (env.AGENTDECK_LOG?.trim().toLowerCase() !== "debug") return undefined;
  const directory = envPaths("agentdeck", { suffix: "" }).log;
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const path = join(directory, "debug.log");
  const stream = createWriteStream(path, { flags: "a", mode: 0o600 });
  console.error = (...args: unknown[]) => void stream.write(`${format(...args)}\n`);
  return path;
}
