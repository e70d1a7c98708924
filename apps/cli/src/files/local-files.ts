import { openAsBlob } from "node:fs";
import { access, constants, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { FileInput } from "@agentdeck/core";
import { UsageError } from "../cli-errors.ts";
import { mediaTypeOf } from "./media-type.ts";

/** One file at `path`: checked, named by its base name, typed by its extension, read from disk as it is sent. */
async function localFile(path: string, flag: string): Promise<FileInput> {
  try {
    if (!(await stat(path)).isFile()) throw new UsageError(`${flag} ${path} is not a file.`);
    await access(path, constants.R_OK);
    const type = mediaTypeOf(path);
    return { name: basename(path), data: await openAsBlob(path, { type }), type };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `${flag} ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}).`,
    );
  }
}

/**
 * The files at `paths`, ready for core's uploads, every one checked to be a readable regular file
 * before anything is sent. Each is a Blob backed by the file, so a large one is not copied into memory.
 */
export function localFiles(paths: readonly string[], flag: string): Promise<FileInput[]> {
  return Promise.all(paths.map((path) => localFile(path, flag)));
}
