import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { findJournal } from "../journal/find-journal.ts";
import { type CommandIo, UsageError } from "./command-io.ts";

/** The journal a command works on: the one named, else the most recent journal in the current directory. */
export function journalPath(named: string | undefined, io: CommandIo): string {
  const cwd = io.cwd ?? process.cwd();
  if (named !== undefined) return resolve(cwd, named);
  const found = findJournal(cwd);
  if (found === undefined)
    throw new UsageError(`there is no batch journal in ${cwd}; name one with --journal`);
  return found;
}

/** Where `batch run` writes its journal when none is named: a new file in the current directory, named by the time. */
export function newJournalPath(io: CommandIo, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return resolve(io.cwd ?? process.cwd(), `batch-${stamp}-${randomBytes(2).toString("hex")}.sqlite`);
}
