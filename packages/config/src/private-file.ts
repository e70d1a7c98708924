import { constants } from "node:fs";
import { lstat, mkdir, open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * A local file that may hold secrets could not be used. The message names the path and what to do;
 * it never quotes the file's contents (the path may point somewhere it should not, such as /etc/passwd).
 */
export class PrivateFileError extends Error {
  override name = "PrivateFileError";
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

const SYMLINK = (path: string) =>
  new PrivateFileError(
    `${path} is a symbolic link, and agentdeck does not follow links for a file that may hold keys: replace the link with the file itself (or point AGENTDECK_CONFIG at it).`,
    path,
  );

const NOT_A_FILE = (path: string) =>
  new PrivateFileError(`${path} is not a regular file: remove it or point AGENTDECK_CONFIG elsewhere.`, path);

// The sticky bit; Node's fs.constants has no S_ISVTX.
const STICKY = 0o1000;

function octal(mode: number): string {
  return (mode & 0o777).toString(8);
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Warnings about the directory a private file lives in: others who can write there can replace the
 * file, whatever its own mode. A sticky directory (such as /tmp) only lets owners replace their files.
 */
export async function directoryWarnings(dir: string): Promise<string[]> {
  let mode: number;
  try {
    ({ mode } = await stat(dir));
  } catch {
    return [];
  }
  if ((mode & 0o022) === 0 || (mode & STICKY) !== 0) return [];
  return [
    `${dir} can be written by other users (mode ${octal(mode)}), so they could replace the config file: run chmod 700 ${dir}`,
  ];
}

/**
 * Reads a file that may hold secrets: opened without following a symbolic link (O_NOFOLLOW) and
 * without blocking on a FIFO, refused unless it is a regular file of at most `maxBytes`, and
 * tightened to mode 0600 (with a warning) when other users could read it. Undefined when missing.
 */
export async function readPrivateFile(
  path: string,
  maxBytes: number,
): Promise<{ text: string; warnings: string[] } | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = errnoCode(error);
    if (code === "ENOENT") return undefined;
    if (code === "ELOOP") throw SYMLINK(path);
    if (code === "EACCES" || code === "EPERM") {
      throw new PrivateFileError(
        `${path} cannot be read (permission denied): check its owner and mode.`,
        path,
      );
    }
    throw new PrivateFileError(`${path} could not be opened (${code ?? "unknown error"}).`, path);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw NOT_A_FILE(path);
    if (info.size > maxBytes) {
      throw new PrivateFileError(
        `${path} is larger than ${maxBytes} bytes, which no agentdeck config file is: check that it is the right file.`,
        path,
      );
    }
    const warnings: string[] = [];
    if ((info.mode & 0o077) !== 0) {
      const was = octal(info.mode);
      try {
        await handle.chmod(0o600);
        warnings.push(
          `${path} could be read by other users (mode ${was}) and may hold keys: agentdeck has now run chmod 600 ${path}`,
        );
      } catch {
        warnings.push(
          `${path} can be read by other users (mode ${was}) and may hold keys: run chmod 600 ${path}`,
        );
      }
    }
    let text: string;
    try {
      text = await handle.readFile("utf8");
    } catch (error) {
      throw new PrivateFileError(`${path} could not be read (${errnoCode(error) ?? "unknown error"}).`, path);
    }
    return { text, warnings };
  } finally {
    await handle.close();
  }
}

/**
 * Creates `path` with `text` and mode 0600. Exclusive (O_EXCL), so it never goes through a link nor
 * overwrites a file made meanwhile; rejects with the system error when `path` exists.
 */
export async function createPrivateFile(path: string, text: string): Promise<void> {
  const handle = await open(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o600,
  );
  try {
    // The umask can only take bits away from the mode above; set it exactly anyway.
    await handle.chmod(0o600);
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `text` to `path` with mode 0600, atomically: into a new file beside it (created exclusively,
 * never through a link), flushed, then renamed over the target, so a reader sees the old file or the
 * new one, never half of one. A target that is a symbolic link or not a regular file is refused.
 */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    const existing = await lstat(path);
    if (existing.isSymbolicLink()) throw SYMLINK(path);
    if (!existing.isFile()) throw NOT_A_FILE(path);
  } catch (error) {
    if (error instanceof PrivateFileError) throw error;
    if (errnoCode(error) !== "ENOENT") {
      throw new PrivateFileError(
        `${path} could not be checked (${errnoCode(error) ?? "unknown error"}).`,
        path,
      );
    }
  }
  // The global crypto, not node:crypto, which costs a short command a noticeable share of its start.
  const temporary = join(dir, `.${basename(path)}.${crypto.randomUUID()}.tmp`);
  try {
    await createPrivateFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    if (error instanceof PrivateFileError) throw error;
    throw new PrivateFileError(
      `${path} could not be written (${errnoCode(error) ?? "unknown error"}).`,
      path,
    );
  }
}
