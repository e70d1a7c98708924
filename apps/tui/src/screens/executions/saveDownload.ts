import { randomUUID } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { link, open, rename, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { sanitize } from "../../common/sanitize.ts";

/** The file is there already, and overwriting it was not asked for. */
export class FileExistsError extends Error {
  override name = "FileExistsError";
  readonly path: string;
  constructor(path: string) {
    super(`${path} already exists`);
    this.path = path;
  }
}

/** The longest default name, in characters: file systems refuse names past 255 bytes. */
const MAX_NAME_LENGTH = 100;

/**
 * The name a file from the server is saved under by default: its last path part, without control
 * characters, never `.`, `..` or empty (a server's `../../.bashrc` is saved as `.bashrc` here), and
 * a long one cut short before its extension.
 */
export function defaultSaveName(fileName: string): string {
  const name = basename(sanitize(fileName).replaceAll("\\", "/")).trim();
  if (name === "" || name === "." || name === "..") return "download";
  const chars = [...name];
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const ext = /\.[^.\s]{1,16}$/.exec(name)?.[0] ?? "";
  return `${chars
    .slice(0, MAX_NAME_LENGTH - ext.length)
    .join("")
    .trimEnd()}${ext}`;
}

/**
 * Where a typed path saves `fileName`: relative to `cwd`, `~` for the home directory, into a
 * directory when it names one, the file's own name when nothing is typed.
 */
export function savePath(typed: string, cwd: string, fileName: string): string {
  const text = typed.trim();
  const home = text === "~" || text.startsWith("~/") ? join(homedir(), text.slice(1)) : text;
  const path = resolve(cwd, home === "" ? defaultSaveName(fileName) : home);
  return isDirectory(path) ? join(path, defaultSaveName(fileName)) : path;
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** Whether something is at `path` already (asked before a download that would replace it). */
export function taken(path: string): boolean {
  return existsSync(path);
}

/**
 * Writes `stream` to `path`. The bytes go to a hidden file beside it first, which takes its place
 * only once the last byte is on disk, so a failed or cancelled download leaves nothing half
 * written, and never replaces a file that was there before. Without `overwrite`, a file that
 * appeared at `path` meanwhile is kept and FileExistsError is thrown. Resolves with the bytes
 * written; `onProgress` hears the count as it grows.
 */
export async function saveDownload(
  stream: ReadableStream<Uint8Array>,
  path: string,
  options: { readonly overwrite: boolean; readonly onProgress?: (bytes: number) => void },
): Promise<number> {
  const part = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.part`);
  const file = await open(part, "wx");
  let bytes = 0;
  try {
    try {
      for await (const chunk of stream) {
        await file.write(chunk);
        bytes += chunk.byteLength;
        options.onProgress?.(bytes);
      }
      await file.sync();
    } finally {
      await file.close();
    }
    if (options.overwrite) await rename(part, path);
    else await placeWithoutOverwriting(part, path);
    return bytes;
  } finally {
    await rm(part, { force: true });
  }
}

/** Gives `part` the name `path` unless something has it: a hard link fails rather than replace it. */
async function placeWithoutOverwriting(part: string, path: string): Promise<void> {
  try {
    await link(part, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new FileExistsError(path);
    // A file system without hard links: check, then rename (a file made in between would be lost).
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV") throw error;
    if (existsSync(path)) throw new FileExistsError(path);
    await rename(part, path);
  }
}
