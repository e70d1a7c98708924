import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findJournal } from "./find-journal.ts";
import { type BatchInfo, Journal, JournalBusyError, JournalError } from "./journal.ts";

const dir = mkdtempSync(join(tmpdir(), "agentdeck-journal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const info = (): BatchInfo => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
  agentId: "11111111-1111-4111-8111-111111111111",
  poolId: "22222222-2222-4222-8222-222222222222",
  profileId: undefined,
  source: "rows.csv",
  createdAt: new Date().toISOString(),
  settings: { concurrency: 2, pollIntervalMs: 100, settleMs: 1000 },
});
const rows = [
  { key: "a", inputs: { x: 1 } },
  { key: "b", inputs: { x: 2 } },
  { inputs: { x: 3 }, metadata: { team: "red" } },
];

describe("the journal", () => {
  it("moves a row pending → submitting → submitted → finished, and keeps it across a reopen", async () => {
    const path = join(dir, "states.sqlite");
    const journal = await Journal.create(path, info(), rows);
    const [first] = journal.claimPending(1);
    expect(first).toMatchObject({ key: "a", state: "submitting", attempts: 1 });
    journal.markSubmitted([{ seq: first?.seq as number, executionId: "exec-a" }]);
    const [second] = journal.claimPending(1);
    journal.release(second?.seq as number);
    expect(journal.claimPending(1)).toEqual([expect.objectContaining({ key: "b", attempts: 2 })]);
    journal.fail(second?.seq as number, { name: "BadRequestError", message: "no", status: 400 });
    journal.finishAll([{ seq: first?.seq as number, status: "completed", result: { outcome: "success" } }]);
    journal.close();

    const reopened = Journal.open(path);
    expect(reopened.counts()).toEqual({ pending: 1, submitting: 0, submitted: 0, finished: 1, failed: 1 });
    expect(reopened.statuses()).toEqual({ completed: 1 });
    const [a, b, c] = [...reopened.allRows()];
    expect(a).toMatchObject({
      state: "finished",
      executionId: "exec-a",
      status: "completed",
      result: { outcome: "success" },
    });
    expect(b).toMatchObject({ state: "failed", error: { status: 400 } });
    expect(c).toMatchObject({
      state: "pending",
      key: expect.stringMatching(/^[0-9a-f]{32}$/),
      metadata: { team: "red" },
    });
    expect(() => reopened.markSubmitted([{ seq: c?.seq as number, executionId: "x" }])).toThrow(
      "is not submitting",
    );
    reopened.close();
  });

  it("gives a row without a key the same hash whatever the order of its fields", async () => {
    const one = await Journal.create(join(dir, "hash-1.sqlite"), info(), [
      { inputs: { a: 1, b: [2, { c: 3, d: 4 }] } },
    ]);
    const two = await Journal.create(join(dir, "hash-2.sqlite"), info(), [
      { inputs: { b: [2, { d: 4, c: 3 }], a: 1 } },
    ]);
    expect([...one.allRows()][0]?.key).toBe([...two.allRows()][0]?.key);
    one.close();
    two.close();
  });

  it("refuses to create over an existing file, and to open a file that is not a journal, leaving it unchanged", async () => {
    const path = join(dir, "exists.sqlite");
    (await Journal.create(path, info(), rows)).close();
    await expect(Journal.create(path, info(), rows)).rejects.toThrow(JournalError);
    const other = join(dir, "notes.txt");
    writeFileSync(other, "hello");
    expect(() => Journal.open(other)).toThrow("is not a batch journal");
    expect(readFileSync(other, "utf8")).toBe("hello");
    const foreign = join(dir, "foreign.sqlite");
    spawnSync(process.execPath, [
      "-e",
      `new (require("node:sqlite").DatabaseSync)(${JSON.stringify(foreign)}).exec("CREATE TABLE t (a)")`,
    ]);
    const before = readFileSync(foreign);
    expect(() => Journal.open(foreign)).toThrow("is not a batch journal");
    expect(readFileSync(foreign).equals(before)).toBe(true);
  });

  it("lets one live process run a batch at a time, and lets a dead one's lease go", async () => {
    const path = join(dir, "lease.sqlite");
    const journal = await Journal.create(path, info(), rows);
    const holdLease = (pid: string) => {
      const script = `new (require("node:sqlite").DatabaseSync)(${JSON.stringify(path)}).exec("UPDATE batch SET runner_pid = " + ${pid} + ", runner_seen_at = " + Date.now())`;
      expect(spawnSync(process.execPath, ["-e", script]).status).toBe(0);
    };
    // A process that took the lease and is gone (as after kill -9): the lease is free at once.
    holdLease("process.pid");
    expect(journal.runner()).toBeUndefined();
    journal.acquireLease();
    // A live process holding it (this one's parent stands in for another runner): refused.
    holdLease(String(process.ppid));
    expect(journal.runner()).toBe(process.ppid);
    expect(() => journal.acquireLease()).toThrow(JournalBusyError);
    journal.close();
  });

  it("finds the most recently changed journal in a directory, skipping other files", async () => {
    const here = join(dir, "find");
    mkdirSync(here);
    expect(findJournal(here)).toBeUndefined();
    const older = join(here, "older.sqlite");
    const newer = join(here, "newer.db");
    (await Journal.create(older, info(), rows)).close();
    (await Journal.create(newer, info(), rows)).close();
    writeFileSync(join(here, "latest.csv"), "a\n1\n");
    utimesSync(older, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(findJournal(here)).toBe(newer);
    utimesSync(newer, new Date(2019, 0, 1), new Date(2019, 0, 1));
    expect(findJournal(here)).toBe(older);
  });
});
