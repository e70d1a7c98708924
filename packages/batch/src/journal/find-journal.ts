import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { JOURNAL_APPLICATION_ID } from "./schema.ts";

/** Whether a file is a batch journal, from its SQLite header alone (`application_id` at byte 68). */
export function isJournalFile(path: string): boolean {
  const header = Buffer.alloc(72);
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    if (readSync(fd, header, 0, 72, 0) < 72) return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return (
    header.toString("latin1", 0, 16) === "SQLite format 3\u0000" &&
    header.readUInt32BE(68) === JOURNAL_APPLICATION_ID
  );
}

/** The most recently changed batch journal in `directory`, or undefined when there is none. */
export function findJournal(directory: string): string | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  for (const name of readdirSync(directory)) {
    if (name.endsWith("-wal") || name.endsWith("-shm")) continue;
    const path = join(directory, name);
    let mtimeMs: number;
    try {
      const stats = statSync(path);
      if (!stats.isFile()) continue;
      // A journal's latest writes may sit in its WAL, whose time is the one that moves.
      mtimeMs = Math.max(stats.mtimeMs, statSync(`${path}-wal`, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    } catch {
      continue;
    }
    if ((newest === undefined || mtimeMs > newest.mtimeMs) && isJournalFile(path)) newest = { path, mtimeMs };
  }
  return newest?.path;
}
