import { createWriteStream } from "node:fs";
import { link, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { ExecutionFile } from "@agentdeck/core";
import { IncompleteDownloadError, MissingFileError, UsageError } from "../cli-errors.ts";
import { sanitize } from "../output/sanitize.ts";
import type { Session } from "../session.ts";

/** Where `executions download` puts what it fetched, as `--json` prints it. */
export type SavedFile = {
  readonly id: string;
  readonly fileName: string;
  /** The path written, or `-` for stdout. */
  readonly path: string;
  readonly bytes: number;
};

/** How `executions download` was asked to save. */
export type DownloadOptions = {
  /** `-o`: a file, a directory, or `-` for stdout; the current directory when not given. */
  readonly output: string | undefined;
  readonly force: boolean;
  readonly timeoutMs: number;
};

/** The file(s) `which` names (an id or an exact name), or every file of the execution. */
function select(executionId: string, files: readonly ExecutionFile[], which: string | undefined) {
  if (files.length === 0) throw new MissingFileError(`execution ${executionId} has no files.`);
  if (which === undefined) return files;
  const byId = files.filter((file) => file.id.toLowerCase() === which.toLowerCase());
  if (byId.length > 0) return byId;
  const byName = files.filter((file) => file.fileName === which);
  if (byName.length === 1) return byName;
  const names = files.map((file) => `${sanitize(file.fileName)} (${file.id})`).join(", ");
  if (byName.length > 1) {
    throw new UsageError(
      `execution ${executionId} has ${byName.length} files named ${which}: give the id of one: ${names}.`,
    );
  }
  throw new MissingFileError(`execution ${executionId} has no file ${which}; its files are ${names}.`);
}

// A name from the server becomes one path segment of ours: no directories, no `..`, nothing unprintable.
function localName(file: ExecutionFile): string {
  const name = basename(sanitize(file.fileName).replaceAll("\\", "/"));
  return name === "" || name === "." || name === ".." ? file.id : name;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() === true;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

/** Where each file goes; every destination is checked before anything is downloaded. */
async function destinations(files: readonly ExecutionFile[], options: DownloadOptions): Promise<string[]> {
  const { output } = options;
  if (output === "-") {
    if (files.length > 1) {
      throw new UsageError(
        `-o - writes one file to stdout, and this execution has ${files.length}: name one.`,
      );
    }
    return ["-"];
  }
  let paths: string[];
  if (files.length === 1 && output !== undefined && !(await isDirectory(output))) paths = [output];
  else {
    const directory = output ?? ".";
    if (!(await isDirectory(directory))) {
      throw new UsageError(`-o ${directory} must be a directory when several files are downloaded.`);
    }
    paths = files.map((file) => join(directory, localName(file)));
  }
  if (new Set(paths).size < paths.length) {
    throw new UsageError("several files have the same name: download them one at a time, by id.");
  }
  if (!options.force) {
    for (const path of paths) {
      if (await exists(path)) throw new UsageError(`${path} already exists: pass --force to overwrite it.`);
    }
  }
  return paths;
}

// What a terminal may be shown as it is: text. Anything else needs -o PATH or a pipe.
const TEXT = /^(text\/|application\/(json|xml|csv|x-ndjson|ld\+json)\b)|\+(json|xml)\b/i;

/** Text for a terminal: each line with its escape sequences and control characters removed. */
function inertLines(): Transform {
  const decoder = new TextDecoder();
  let partial = "";
  const lines = (text: string, end: boolean) => {
    const parts = (partial + text).split("\n");
    partial = end ? "" : (parts.pop() ?? "");
    return parts.map((line) => `${sanitize(line.replace(/\r$/, ""))}\n`).join("");
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Uint8Array, _encoding, done) {
      done(null, lines(decoder.decode(chunk, { stream: true }), false));
    },
    flush(done) {
      const rest = decoder.decode() + partial;
      partial = "";
      done(null, rest === "" ? "" : `${sanitize(rest)}\n`);
    },
  });
}

/** Counts the bytes that pass, to check them against the length the server announced. */
function counter(): Transform & { bytes: number } {
  const transform = new Transform({
    transform(chunk: Uint8Array, _encoding, done) {
      (transform as Transform & { bytes: number }).bytes += chunk.byteLength;
      done(null, chunk);
    },
  }) as Transform & { bytes: number };
  transform.bytes = 0;
  return transform;
}

/** A body shorter or longer than the `content-length` the server announced is not the file. */
function checkLength(name: string, bytes: number, expected: number | undefined): void {
  if (expected !== undefined && bytes !== expected) throw new IncompleteDownloadError(name, bytes, expected);
}

/** Writes one download into `path`: a file beside it first, moved into place once complete, so a failure leaves nothing half-written. */
async function saveTo(
  path: string,
  body: Readable,
  options: { force: boolean; expected: number | undefined; name: string },
): Promise<number> {
  const { force } = options;
  const partial = join(dirname(path), `.${basename(path)}.${crypto.randomUUID().slice(0, 8)}.part`);
  const count = counter();
  try {
    await pipeline(body, count, createWriteStream(partial, { flags: "wx" }));
    checkLength(options.name, count.bytes, options.expected);
    // link fails if something appeared at `path` meanwhile; rename would replace it.
    if (force) await rename(partial, path);
    else {
      await link(partial, path).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "EEXIST")
          throw new UsageError(`${path} already exists: pass --force to overwrite it.`);
        throw error;
      });
      await unlink(partial);
    }
  } catch (error) {
    await unlink(partial).catch(() => {});
    throw error;
  }
  return count.bytes;
}

/**
 * Downloads an execution's files (or the one `which` names) through core's `files.download`,
 * streaming each to disk, or with `-o -` to stdout. Never overwrites without `force`, never puts
 * anything but text on a terminal, and shows text there without control sequences.
 */
export async function downloadExecutionFiles(
  session: Session,
  executionId: string,
  which: string | undefined,
  options: DownloadOptions,
): Promise<SavedFile[]> {
  const client = await session.client();
  const files = select(
    executionId,
    await client.executions.files(executionId, { signal: session.signal }),
    which,
  );
  const paths = await destinations(files, options);
  const saved: SavedFile[] = [];
  for (const [i, file] of files.entries()) {
    const path = paths[i] as string;
    const download = await client.files.download(file, {
      signal: session.signal,
      timeoutMs: options.timeoutMs,
    });
    const body = Readable.fromWeb(download.stream as NodeReadableStream<Uint8Array>);
    const bytes =
      path === "-"
        ? await toStdout(session, file, body, download.contentType ?? file.mimeType)
        : await saveTo(path, body, { force: options.force, expected: download.size, name: file.fileName });
    if (path === "-") checkLength(file.fileName, bytes, download.size);
    saved.push({ id: file.id, fileName: file.fileName, path, bytes });
  }
  return saved;
}

async function toStdout(
  session: Session,
  file: ExecutionFile,
  body: Readable,
  contentType: string,
): Promise<number> {
  const { stdout } = session.io;
  const count = counter();
  if (stdout.isTTY && !TEXT.test(contentType)) {
    body.destroy();
    throw new UsageError(
      `${file.fileName} is not text (${contentType}): save it with -o PATH, or pipe it (| less, > file).`,
    );
  }
  const sink = async (source: AsyncIterable<string | Uint8Array>) => {
    for await (const chunk of source) await session.out.raw(chunk as string | Uint8Array);
  };
  if (stdout.isTTY) await pipeline(body, count, inertLines(), sink);
  else await pipeline(body, count, sink);
  return count.bytes;
}
