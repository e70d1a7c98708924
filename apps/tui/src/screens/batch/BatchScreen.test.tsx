import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal, ROW_STATES, runBatch } from "@agentdeck/batch";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { KEY, renderApp, selectedLine } from "../../test/render.tsx";
import { startBackend, type TestBackend } from "../../test/sandbox.ts";
import { ROW_STATES as SHOWN_STATES } from "./batch.ts";

let backend: TestBackend;
let agentId: string;
let poolId: string;
const dirs: string[] = [];
beforeAll(async () => {
  backend = await startBackend();
  const { store } = backend.sandbox;
  agentId = store.addAgent({ name: "Batch agent" }).id;
  const pool = store.addPool({ name: "Batch pool", allowConcurrentUse: true });
  for (let i = 0; i < 3; i++) store.addProfile(pool.id, { name: `profile ${i + 1}` });
  poolId = pool.id;
});
afterAll(async () => {
  await backend.sandbox.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "agentdeck-batch-tab-"));
  dirs.push(dir);
  return dir;
}

/** Starts a batch of `rows` into a journal at `path`, as `agentdeck batch run` would. */
function startBatch(path: string, rows: { key: string; inputs: Record<string, unknown> }[]) {
  return runBatch({
    client: backend.client,
    agentId,
    pool: poolId,
    rows,
    concurrency: 3,
    journal: path,
    pollIntervalMs: 20,
  });
}

function submittedRows(path: string) {
  const journal = Journal.open(path);
  try {
    return journal.rowsIn("submitted");
  } finally {
    journal.close();
  }
}

/** Lets every row waiting for someone go on, until the batch has ended. */
async function releaseAll(path: string, run: Promise<unknown>) {
  let done = false;
  void run.finally(() => {
    done = true;
  });
  while (!done) {
    for (const row of submittedRows(path)) {
      await backend.client.executions.resume(row.executionId as string).catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await run;
}

describe("the Batch tab", () => {
  test("its states are the journal's", () => {
    expect(SHOWN_STATES).toEqual(ROW_STATES);
  });

  test("shows a running batch's rows and the count in each state, following them to the end; Enter opens a row's monitor", async () => {
    const dir = tempDir();
    const path = join(dir, "invoices.sqlite");
    const run = startBatch(path, [
      { key: "inv-1", inputs: { steps: 1 } },
      { key: "inv-2", inputs: { steps: 1, fail: true } },
      { key: "inv-3", inputs: { steps: 1, awaitConfirmation: true } },
    ]);
    const app = renderApp(backend.client, { tab: "batch", cwd: dir, columns: 140, rows: 30 });
    try {
      // The journal is found in the directory, as the batch commands find it.
      await app.waitFor(/invoices\.sqlite\n3 rows/);
      await app.waitFor(
        /0 pending · 0 submitting · 1 submitted · 2 finished \(1 completed, 1 failed\) · 0 failed/,
      );
      const frame = app.frame();
      expect(frame).toMatch(/inv-1\s+finished\s+\w{8}\s+completed: success/);
      expect(frame).toMatch(/inv-2\s+finished\s+\w{8}\s+failed: failure/);
      expect(frame).toMatch(/inv-3\s+submitted\s+\w{8}\s+running/);
      // The run waiting for someone goes on; the tab follows it without a key pressed.
      const [waiting] = submittedRows(path);
      await backend.client.executions.resume(waiting?.executionId as string);
      await app.waitFor(/0 submitted · 3 finished \(2 completed, 1 failed\)/);
      await app.waitFor(/inv-3\s+finished\s+\w{8}\s+completed: success/);
      await run;

      app.press("/");
      app.type("inv-2");
      app.press(KEY.enter);
      await app.waitFor((f) => selectedLine(f)?.includes("inv-2") ?? false, "the row of inv-2");
      expect(app.frame()).toMatch(/error|outcome\s+failure/);
      app.press(KEY.enter);
      await app.waitFor(/Execution [0-9a-f-]{36} · agent Batch agent/);
      await app.waitFor("● failed");
      app.press(KEY.escape);
      await app.waitFor((f) => selectedLine(f)?.includes("inv-2") ?? false, "back on the row");
    } finally {
      app.unmount();
    }
  });

  test("f filters by state; a row without an execution says why Enter does nothing", async () => {
    const dir = tempDir();
    const path = join(dir, "held.sqlite");
    // Three run at a time, each waiting for someone: the fourth stays pending until one ends.
    const run = startBatch(
      path,
      ["a-1", "a-2", "a-3", "a-4"].map((key) => ({ key, inputs: { steps: 1, awaitConfirmation: true } })),
    );
    const app = renderApp(backend.client, { tab: "batch", cwd: dir, columns: 140, rows: 30 });
    try {
      await app.waitFor(/1 pending · 0 submitting · 3 submitted/);
      app.press("f");
      await app.waitFor("state pending (f F a)");
      await app.waitFor((f) => selectedLine(f)?.includes("a-4") ?? false, "the pending row");
      app.press(KEY.enter);
      await app.waitFor("Cannot monitor: row a-4 has no execution (it is pending).");
      app.press("f", "f");
      await app.waitFor("state submitted (f F a)");
      await app.waitFor(/3 rows/);
      await releaseAll(path, run);
      await app.waitFor("no submitted rows");
      app.press("a");
      await app.waitFor("state open (f F a)");
      await app.waitFor("no open rows");
    } finally {
      app.unmount();
    }
  });

  test("--journal names the journal to show; a directory without one says how to start a batch", async () => {
    const empty = tempDir();
    const app = renderApp(backend.client, { tab: "batch", cwd: empty });
    await app.waitFor(`there is no batch journal in ${empty}`);
    expect(app.frame()).toContain("agentdeck --journal FILE");
    app.unmount();

    const dir = tempDir();
    await startBatch(join(dir, "first.sqlite"), [{ key: "one", inputs: { steps: 1 } }]);
    await startBatch(join(dir, "second.sqlite"), [
      { key: "two", inputs: { steps: 1 } },
      { key: "three", inputs: { steps: 1 } },
    ]);
    const newest = renderApp(backend.client, { tab: "batch", cwd: dir, columns: 140 });
    await newest.waitFor(/second\.sqlite\n2 rows/);
    newest.unmount();
    const named = renderApp(backend.client, {
      tab: "batch",
      cwd: dir,
      journal: "first.sqlite",
      columns: 140,
    });
    await named.waitFor(/first\.sqlite\n1 row /);
    expect(named.frame()).toMatch(/one\s+finished/);
    named.unmount();
  });
});
