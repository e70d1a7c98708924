import { basename, resolve } from "node:path";
import type { Journal, JournalRow, RowState } from "@agentdeck/batch";
import type { ListQuery } from "../../list/listState.ts";
import type { Page, PageSource } from "../../list/useList.ts";

/** A row of a batch's journal, as the Batch tab lists it: its `id` is its key, unique in its batch. */
export type BatchRow = JournalRow & { readonly id: string };

/** The state filter meaning every row not done yet: not sent, being sent, or running. */
export const OPEN = "open";

const OPEN_STATES: readonly RowState[] = ["pending", "submitting", "submitted"];

/** No journal was named and the directory holds none. */
export class NoJournalError extends Error {
  override name = "NoJournalError";
  readonly directory: string;
  constructor(directory: string) {
    super(
      `there is no batch journal in ${directory}: start a batch there (agentdeck batch run …), or open one with agentdeck --journal FILE`,
    );
    this.directory = directory;
  }
}

/** The row states a state filter stands for: one state, every open one, or all (undefined). */
export function statesOf(filter: string | undefined): readonly string[] | undefined {
  if (filter === undefined) return undefined;
  return filter === OPEN ? OPEN_STATES : [filter];
}

/**
 * Rows of a batch's journal, read from the file on each fetch (another process may be writing it):
 * the one `--journal` named, or else the most recently changed journal in `cwd`, as the batch
 * commands find it. Filtered by state and by part of the key, in file order either way. The note
 * is the count of rows in each state, with the final statuses of the finished ones.
 */
export function journalPages(cwd: string, named: string | undefined): PageSource<BatchRow> {
  return async (query, pageSize) => {
    // node:sqlite and the batch code load only once the tab is opened.
    const batch = await import("@agentdeck/batch");
    const path = named === undefined ? batch.findJournal(cwd) : resolve(cwd, named);
    if (path === undefined) throw new NoJournalError(cwd);
    const journal = batch.Journal.open(path);
    try {
      return { ...readPage(journal, query, pageSize), note: countsNote(journal, path) };
    } finally {
      journal.close();
    }
  };
}

function readPage(journal: Journal, query: ListQuery, pageSize: number): Page<BatchRow> {
  const states = statesOf(query.status);
  const search = query.search.toLowerCase();
  const start = (query.page - 1) * pageSize;
  const asRow = (row: JournalRow): BatchRow => ({ ...row, id: row.key });
  // The whole list in file order: read only as far as the page.
  if (states === undefined && search === "" && query.sortDirection === "asc") {
    const items: BatchRow[] = [];
    let index = 0;
    for (const row of journal.allRows()) {
      if (index >= start + pageSize) break;
      if (index >= start) items.push(asRow(row));
      index++;
    }
    return { items, total: journal.total };
  }
  const matching: JournalRow[] = [];
  for (const row of journal.allRows()) {
    if (states !== undefined && !states.includes(row.state)) continue;
    if (search !== "" && !row.key.toLowerCase().includes(search)) continue;
    matching.push(row);
  }
  if (query.sortDirection === "desc") matching.reverse();
  return { items: matching.slice(start, start + pageSize).map(asRow), total: matching.length };
}

/** `3 pending · 0 submitting · 5 submitted · 110 finished (108 completed, 2 failed) · 2 failed · batch-….sqlite` */
function countsNote(journal: Journal, path: string): string {
  const counts = journal.counts();
  const statuses = Object.entries(journal.statuses())
    .map(([status, n]) => `${n} ${status}`)
    .join(", ");
  const runner = journal.runner();
  return [
    `${counts.pending} pending`,
    `${counts.submitting} submitting`,
    `${counts.submitted} submitted`,
    `${counts.finished} finished${statuses ? ` (${statuses})` : ""}`,
    `${counts.failed} failed`,
    ...(journal.cancelRequested() ? ["cancel asked"] : []),
    ...(runner === undefined ? [] : [`run by pid ${runner}`]),
    basename(path),
  ].join(" · ");
}
