import { constants, createWriteStream, fchmodSync, fstatSync, mkdirSync, openSync, statSync } from "node:fs";
import { join } from "node:path";
import { format } from "node:util";
import envPaths from "env-paths";

/** The debug log could not be opened safely; the message says why and what to do (never what is in the file). */
export class DebugLogError extends Error {
  override name = "DebugLogError";
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

const octal = (mode: number) => (mode & 0o777).toString(8);

/**
 * Opens `debug.log` in `directory` for appending, safely: a symbolic link there is refused, not
 * followed (`O_NOFOLLOW`), so nobody can point the log at another file; a new file is created
 * 0600, and one that other users can read is tightened to 0600, with a warning. A directory
 * others can get into is warned about too. Returns the open stream's writer, its path and the warnings.
 */
export function openDebugLog(directory: string): {
  write: (line: string) => void;
  close: () => Promise<void>;
  path: string;
  warnings: string[];
} {
  const warnings: string[] = [];
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const folder = statSync(directory);
  if ((folder.mode & 0o077) !== 0) {
    warnings.push(
      `${directory} (where debug.log is) can be opened by other users (mode ${octal(folder.mode)}): run chmod 700 ${directory}.`,
    );
  }
  const path = join(directory, "debug.log");
  let fd: number;
  try {
    fd = openSync(
      path,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW,
      0o600,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") {
      throw new DebugLogError(
        `${path} is a symbolic link; agentdeck does not follow it for its debug log. Remove it, or unset AGENTDECK_LOG.`,
        path,
      );
    }
    throw new DebugLogError(
      `${path} could not be opened (${code ?? "unknown error"}); unset AGENTDECK_LOG to run without it.`,
      path,
    );
  }
  const file = fstatSync(fd);
  if (!file.isFile()) {
    throw new DebugLogError(`${path} is not a regular file; remove it, or unset AGENTDECK_LOG.`, path);
  }
  if ((file.mode & 0o077) !== 0) {
    fchmodSync(fd, 0o600);
    warnings.push(`${path} could be read by other users (mode ${octal(file.mode)}); agentdeck made it 600.`);
  }
  const stream = createWriteStream(path, { fd, flags: "a" });
  return {
    write: (line) => void stream.write(line),
    close: () => new Promise((resolve) => stream.end(resolve)),
    path,
    warnings,
  };
}

/**
 * With `AGENTDECK_LOG=debug`, core logs every request to `console.error`. On a full-screen UI that
 * would scribble over the frame, so the lines go to `debug.log` in the user's log directory
 * instead (opened as `openDebugLog` says); the path and any warnings are returned for the status
 * line. Core has already redacted every key and token in them.
 */
export function redirectDebugLog(
  env: NodeJS.ProcessEnv,
  directory = envPaths("agentdeck", { suffix: "" }).log,
): { path: string; warnings: string[] } | undefined {
  if (env.AGENTDECK_LOG?.trim().toLowerCase() !== "debug") return undefined;
  const log = openDebugLog(directory);
  console.error = (...args: unknown[]) => log.write(`${format(...args)}\n`);
  return { path: log.path, warnings: log.warnings };
}
