import { existsSync, rmSync } from "node:fs";
import { DatabaseSync, type SQLOutputValue, type StatementSync } from "node:sqlite";
import * as z from "zod";
import { RowInput } from "../rows/row-input.ts";
import { IssueList, LISTED_ISSUES, type RowIssue, RowsError } from "../rows/row-issues.ts";
import { rowKeyOf } from "../rows/row-key.ts";
import { RESERVED_METADATA_KEYS } from "../run/batch-metadata.ts";
import { isJournalFile } from "./find-journal.ts";
import { emptyCounts, type RowState, type StateCounts } from "./row-state.ts";
import { JOURNAL_APPLICATION_ID, JOURNAL_SCHEMA_VERSION, SCHEMA } from "./schema.ts";

/** Largest request body a row may make (inputs and metadata as JSON): the sandbox's limit; the API documents none. */
export const MAX_ROW_BYTES = 1024 * 1024 - 4096;

/** How a batch runs; kept in the journal so `resume` goes on the same way unless told otherwise. */
export const BatchSettings = z.strictObject({
  concurrency: z.int().min(1).max(1000),
  pollIntervalMs: z.int().min(10),
  settleMs: z.int().min(0),
});
export type BatchSettings = z.infer<typeof BatchSettings>;

/** What a journal records about its batch. */
export type BatchInfo = {
  id: string;
  agentId: string;
  poolId: string | undefined;
  profileId: string | undefined;
  source: string | undefined;
  createdAt: string;
  settings: BatchSettings;
};

/** Why a row never ran: the error the server (or the client) gave. */
export type RowFailure = { name: string; message: string; status?: number | undefined };

/** One row as the journal holds it. */
export type JournalRow = {
  seq: number;
  key: string;
  line: number | undefined;
  inputs: Record<string, unknown>;
  metadata: Record<string, string> | undefined;
  state: RowState;
  executionId: string | undefined;
  status: string | undefined;
  /** The execution's `executionResult` once finished. */
  result: unknown;
  error: RowFailure | undefined;
  attempts: number;
  /** When the latest execute began (ms since the epoch), while the row is `submitting`. */
  sendingSince: number | undefined;
};

/** The file is not a journal, or is one this version cannot read. */
export class JournalError extends Error {
  override name = "JournalError";
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.path = path;
  }
}

/** Another live process is running this journal's batch. */
export class JournalBusyError extends JournalError {
  override name = "JournalBusyError";
  readonly pid: number;
  constructor(path: string, pid: number) {
    super(
      path,
      `process ${pid} is running this batch; wait for it, or stop it (its rows stay safe) and resume`,
    );
    this.pid = pid;
  }
}

/** How long a runner's heartbeat stays good: past it, a live pid is taken to be another program's. */
const LEASE_STALE_MS = 30_000;

type Row = Record<string, SQLOutputValue>;

const text = (value: SQLOutputValue | undefined) =>
  value === null || value === undefined ? undefined : String(value);
const json = (value: SQLOutputValue | undefined) =>
  value === null || value === undefined ? undefined : JSON.parse(String(value));

function rowOf(row: Row): JournalRow {
  return {
    seq: Number(row.seq),
    key: String(row.key),
    line: row.line === null ? undefined : Number(row.line),
    inputs: json(row.inputs) ?? {},
    metadata: json(row.metadata),
    state: row.state as RowState,
    executionId: text(row.execution_id),
    status: text(row.status),
    result: json(row.result),
    error: json(row.error),
    attempts: Number(row.attempts ?? 0),
    sendingSince:
      row.sending_since === null || row.sending_since === undefined ? undefined : Number(row.sending_since),
  };
}

/**
 * A batch's journal: one SQLite file (WAL, `synchronous=FULL`), one record per row. Every change of
 * a row's state is its own committed transaction, so the file always says what a crash left behind.
 * One process at a time runs a batch (a lease in the file); others may read it or ask it to cancel.
 */
export class Journal {
  readonly path: string;
  readonly batch: BatchInfo;
  readonly #db: DatabaseSync;
  readonly #counts: StateCounts;
  readonly #statuses = new Map<string, number>();
  readonly #statements = new Map<string, StatementSync>();

  private constructor(path: string, db: DatabaseSync) {
    this.path = path;
    this.#db = db;
    const batch = db.prepare("SELECT * FROM batch").get() as Row | undefined;
    if (batch === undefined) throw new JournalError(path, "holds no batch");
    this.batch = {
      id: String(batch.id),
      agentId: String(batch.agent_id),
      poolId: text(batch.pool_id),
      profileId: text(batch.profile_id),
      source: text(batch.source),
      createdAt: String(batch.created_at),
      settings: BatchSettings.parse(JSON.parse(String(batch.settings))),
    };
    this.#counts = emptyCounts();
    for (const { state, n } of db
      .prepare("SELECT state, count(*) AS n FROM rows GROUP BY state")
      .all() as Row[]) {
      this.#counts[state as RowState] = Number(n);
    }
    for (const { status, n } of db
      .prepare("SELECT status, count(*) AS n FROM rows WHERE state = 'finished' GROUP BY status")
      .all() as Row[]) {
      this.#statuses.set(String(status), Number(n));
    }
  }

  /**
   * Creates the journal at `path` with every row, in one transaction: when any row is bad, the file
   * is removed again and a RowsError names every problem. Nothing is sent before this returns.
   */
  static async create(
    path: string,
    batch: BatchInfo,
    rows: Iterable<unknown> | AsyncIterable<unknown>,
  ): Promise<Journal> {
    if (existsSync(path)) {
      throw new JournalError(
        path,
        "already exists; resume its batch (batch resume), or choose another --journal",
      );
    }
    // The header fields go in before the switch to WAL, so they reach the main file at once: that is
    // where findJournal reads them, even while the batch runs or after it was killed.
    const db = new DatabaseSync(path, { timeout: 5_000 });
    db.exec(
      `PRAGMA application_id = ${JOURNAL_APPLICATION_ID}; PRAGMA user_version = ${JOURNAL_SCHEMA_VERSION};`,
    );
    useWal(db);
    let committed = false;
    try {
      db.exec("BEGIN IMMEDIATE");
      db.exec(SCHEMA);
      db.prepare(
        "INSERT INTO batch (id, agent_id, pool_id, profile_id, source, created_at, settings) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ).run(
        batch.id,
        batch.agentId,
        batch.poolId ?? null,
        batch.profileId ?? null,
        batch.source ?? null,
        batch.createdAt,
        JSON.stringify(batch.settings),
      );
      await insertRows(db, rows, batch.source ?? "rows");
      db.exec("COMMIT");
      committed = true;
      return new Journal(path, db);
    } finally {
      if (!committed) {
        if (db.isTransaction) db.exec("ROLLBACK");
        db.close();
        for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${path}${suffix}`, { force: true });
      }
    }
  }

  /** Opens an existing journal; a file that is not one is refused without being changed. */
  static open(path: string): Journal {
    if (!existsSync(path)) throw new JournalError(path, "does not exist");
    // Read from the header before SQLite opens it: any other file is left exactly as it was.
    if (!isJournalFile(path)) throw new JournalError(path, "is not a batch journal");
    const db = openDatabase(path);
    try {
      const version = Number((db.prepare("PRAGMA user_version").get() as Row).user_version);
      if (version !== JOURNAL_SCHEMA_VERSION) {
        throw new JournalError(
          path,
          `is a journal of version ${version}; this agentdeck reads version ${JOURNAL_SCHEMA_VERSION}`,
        );
      }
      if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'batch'").get() === undefined) {
        throw new JournalError(
          path,
          "holds no batch yet: its rows are still being checked, or that was stopped (then delete the file and run again)",
        );
      }
      return new Journal(path, db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Rows in each state. */
  counts(): StateCounts {
    return { ...this.#counts };
  }

  /** Every row. */
  get total(): number {
    return Object.values(this.#counts).reduce((sum, n) => sum + n, 0);
  }

  /** Finished rows by the execution's final status (completed, failed, cancelled). */
  statuses(): Record<string, number> {
    return Object.fromEntries(this.#statuses);
  }

  /** Rows in one state, in file order. */
  rowsIn(state: RowState): JournalRow[] {
    return (this.#sql("SELECT * FROM rows WHERE state = ? ORDER BY seq").all(state) as Row[]).map(rowOf);
  }

  /** Every row in file order, one at a time. */
  *allRows(): Generator<JournalRow> {
    for (const row of this.#sql("SELECT * FROM rows ORDER BY seq").iterate() as Iterable<Row>)
      yield rowOf(row);
  }

  /**
   * Up to `limit` pending rows in file order, now `submitting`: one transaction, on disk before any
   * of their executes is sent.
   */
  claimPending(limit: number, now = Date.now()): JournalRow[] {
    const rows = this.#sql(
      `UPDATE rows SET state = 'submitting', sending_since = ?, attempts = attempts + 1, updated_at = ?
         WHERE seq IN (SELECT seq FROM rows WHERE state = 'pending' ORDER BY seq LIMIT ?) RETURNING *`,
    ).all(now, now, limit) as Row[];
    for (const _ of rows) this.#move("pending", "submitting");
    return rows.map(rowOf).sort((a, b) => a.seq - b.seq);
  }

  /** `submitting` → `pending`: the execute certainly started nothing, so the row may be sent again. */
  release(seq: number): void {
    this.#change(seq, "submitting", "pending", "sending_since = NULL");
  }

  /**
   * `submitting` → `submitted`, for several rows in one transaction: the server has these executions.
   * This write may come a moment after the answers: a crash before it leaves the rows `submitting`,
   * and they are found again by their metadata.
   */
  markSubmitted(submitted: readonly { seq: number; executionId: string }[]): void {
    if (submitted.length === 0) return;
    this.#transaction(() => {
      for (const { seq, executionId } of submitted) {
        this.#change(seq, "submitting", "submitted", "execution_id = ?, sending_since = NULL", [executionId]);
      }
    });
  }

  /** `submitting` → `failed`: the server refused the row; it never ran. */
  fail(seq: number, error: RowFailure): void {
    this.#change(seq, "submitting", "failed", "error = ?, sending_since = NULL", [JSON.stringify(error)]);
  }

  /** `submitted` → `finished`, for several rows in one transaction: their final status and result. */
  finishAll(finished: readonly { seq: number; status: string; result: unknown }[]): void {
    if (finished.length === 0) return;
    const statement = this.#sql(
      "UPDATE rows SET state = 'finished', status = ?, result = ?, updated_at = ? WHERE seq = ? AND state = 'submitted'",
    );
    const now = Date.now();
    this.#transaction(() => {
      for (const { seq, status, result } of finished) {
        const { changes } = statement.run(
          status,
          result === undefined ? null : JSON.stringify(result),
          now,
          seq,
        );
        if (Number(changes) === 0) continue;
        this.#move("submitted", "finished");
        this.#statuses.set(status, (this.#statuses.get(status) ?? 0) + 1);
      }
    });
  }

  /** Whether `batch cancel` asked this batch to stop (read from the file: another process may have written it). */
  cancelRequested(): boolean {
    return Number((this.#sql("SELECT cancel_requested AS c FROM batch").get() as Row).c) === 1;
  }

  setCancelRequested(requested: boolean): void {
    this.#sql("UPDATE batch SET cancel_requested = ?").run(requested ? 1 : 0);
  }

  /** The pid of the live process running this batch, if another one is. */
  runner(now = Date.now()): number | undefined {
    const row = this.#sql("SELECT runner_pid AS pid, runner_seen_at AS seen FROM batch").get() as Row;
    if (row.pid === null) return undefined;
    const pid = Number(row.pid);
    if (pid === process.pid || now - Number(row.seen ?? 0) > LEASE_STALE_MS || !isAlive(pid))
      return undefined;
    return pid;
  }

  /** Makes this process the batch's runner, or throws JournalBusyError when a live one holds it. */
  acquireLease(now = Date.now()): void {
    this.#transaction(() => {
      const other = this.runner(now);
      if (other !== undefined) throw new JournalBusyError(this.path, other);
      this.#sql("UPDATE batch SET runner_pid = ?, runner_seen_at = ?").run(process.pid, now);
    });
  }

  /** Keeps this process's lease fresh. */
  heartbeat(now = Date.now()): void {
    this.#sql("UPDATE batch SET runner_seen_at = ? WHERE runner_pid = ?").run(now, process.pid);
  }

  releaseLease(): void {
    this.#sql("UPDATE batch SET runner_pid = NULL, runner_seen_at = NULL WHERE runner_pid = ?").run(
      process.pid,
    );
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }

  /** A prepared statement, kept: the same few run for every row. */
  #sql(text: string): StatementSync {
    let statement = this.#statements.get(text);
    if (statement === undefined) {
      statement = this.#db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  #change(seq: number, from: RowState, to: RowState, set: string, values: (string | number)[] = []): void {
    const { changes } = this.#sql(
      `UPDATE rows SET state = ?, ${set}, updated_at = ? WHERE seq = ? AND state = ?`,
    ).run(to, ...values, Date.now(), seq, from);
    if (Number(changes) === 0)
      throw new JournalError(this.path, `row ${seq} is not ${from}; it cannot become ${to}`);
    this.#move(from, to);
  }

  #move(from: RowState, to: RowState): void {
    this.#counts[from]--;
    this.#counts[to]++;
  }

  #transaction(work: () => void): void {
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      work();
      this.#db.exec("COMMIT");
    } catch (error) {
      this.#db.exec("ROLLBACK");
      throw error;
    }
  }
}

function openDatabase(path: string): DatabaseSync {
  const db = new DatabaseSync(path, { timeout: 5_000 });
  // WAL mode stays with the file (set at create): switching again would need a lock another
  // process may hold. The sync level is the connection's own.
  db.exec("PRAGMA synchronous = FULL;");
  return db;
}

// WAL with FULL sync: a commit is on disk before the execute that follows it is sent, so neither a
// kill -9 nor a power cut can leave a sent row looking unsent.
function useWal(db: DatabaseSync): void {
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Checks and inserts every row, collecting problems (with the reader's own) into one RowsError. */
async function insertRows(
  db: DatabaseSync,
  rows: Iterable<unknown> | AsyncIterable<unknown>,
  source: string,
) {
  const insert = db.prepare(
    "INSERT INTO rows (seq, key, line, inputs, metadata, state, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (key) DO NOTHING",
  );
  const lineOfKey = db.prepare("SELECT line, seq FROM rows WHERE key = ?");
  const issues = new IssueList();
  const now = Date.now();
  let seq = 0;
  let readerError: RowsError | undefined;
  try {
    for await (const candidate of rows) {
      seq++;
      const parsed = RowInput.safeParse(candidate);
      const line = parsed.success ? (parsed.data.line ?? seq) : seq;
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          issues.add({ line, column: issue.path.join(".") || undefined, message: issue.message });
        }
        continue;
      }
      const row = parsed.data;
      const problem = rowProblem(row, line);
      if (problem !== undefined) {
        issues.add(problem);
        continue;
      }
      const key = rowKeyOf(row);
      const inputs = JSON.stringify(row.inputs);
      const metadata = row.metadata === undefined ? null : JSON.stringify(row.metadata);
      const { changes } = insert.run(seq, key, line, inputs, metadata, now);
      if (Number(changes) === 0) {
        const first = lineOfKey.get(key) as Row;
        issues.add({
          line,
          message: `has the same key (${key.length > 40 ? `${key.slice(0, 40)}…` : key}) as line ${first.line ?? first.seq}; each row needs its own key${row.key === undefined ? " (this one is a hash of the row: the two rows are identical)" : ""}`,
        });
      }
    }
  } catch (error) {
    if (!(error instanceof RowsError)) throw error;
    readerError = error;
  }
  if (readerError === undefined) {
    issues.throwIfAny(source);
    if (seq === 0) throw new RowsError(source, [{ line: undefined, message: "has no rows" }]);
    return;
  }
  const all: RowIssue[] = [...readerError.issues, ...issues.kept].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0),
  );
  throw new RowsError(
    readerError.source,
    all.slice(0, LISTED_ISSUES),
    readerError.total + issues.total,
    readerError.lineWord,
  );
}

/** A row's own problem beyond its shape: a reserved metadata key, or a request too large to send. */
function rowProblem(row: RowInput, line: number): RowIssue | undefined {
  for (const key of Object.keys(row.metadata ?? {})) {
    if (RESERVED_METADATA_KEYS.includes(key)) {
      return {
        line,
        column: `metadata.${key}`,
        message: "is a metadata key the batch sets itself; use another name",
      };
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify({ inputs: row.inputs, metadata: row.metadata }));
  if (bytes <= MAX_ROW_BYTES) return undefined;
  const [largest] = Object.entries(row.inputs)
    .map(([name, value]) => [name, Buffer.byteLength(JSON.stringify(value) ?? "")] as const)
    .sort((a, b) => b[1] - a[1]);
  return {
    line,
    column: largest?.[0],
    message: `makes a request of ${(bytes / 1024 / 1024).toFixed(1)} MiB; an execution's inputs must stay under 1 MiB`,
  };
}
