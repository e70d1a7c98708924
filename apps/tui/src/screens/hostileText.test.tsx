import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBatch } from "@agentdeck/batch";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { KEY, type RenderedApp, renderApp, selectedLine } from "../test/render.tsx";
import { startBackend, type TestBackend } from "../test/sandbox.ts";

let backend: TestBackend;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(async () => {
  await backend.sandbox.close();
});

const COLUMNS = 120;
const ROWS = 30;

/**
 * What a hostile server may send: zero-width and joining characters on their own, combining marks
 * with and without a letter (and a tower of them), wide and emoji characters, a bidirectional
 * override, tabs, line breaks, padding and escape sequences, and far more than fits.
 */
const hostile = (tag: string) =>
  `${tag} ${"\u200b\u200d\ufeff".repeat(8)}${"\u0301".repeat(6)}表示名 e\u0301 z${"\u0335".repeat(30)} 👩‍👩‍👧 \u202eevil\u202c\t${"\n".repeat(3)}${" ".repeat(40)}\u001b[2J\u001b[31mred ${"x".repeat(1500)}`;

/** Every line of the frame fits the terminal, there are exactly as many as it has, and the pane's border stays in one column. */
function expectClean(frame: string, what: string) {
  const lines = frame.split("\n");
  expect(lines, what).toHaveLength(ROWS);
  for (const line of lines) expect(stringWidth(line), `${what}: ${line}`).toBeLessThanOrEqual(COLUMNS);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: no escape sequence of the server's may reach the terminal
  expect(frame, what).not.toMatch(/\u001b|\u202e/);
  const bordered = lines.slice(1, -2).filter((line) => line.includes("│"));
  const columns = new Set(bordered.map((line) => stringWidth(line.slice(0, line.indexOf("│")))));
  expect(columns.size, `${what}: the border moved`).toBeLessThanOrEqual(1);
}

async function filterTo(app: RenderedApp, text: string) {
  app.press("/");
  app.type(text);
  app.press(KEY.enter);
  await app.waitFor((f) => selectedLine(f)?.includes(text) ?? false, `the row of ${text}`);
}

describe("text from a hostile server (issue 13 item 7)", () => {
  test("never pushes a line past its width, adds a line, or moves a border, in any pane", async () => {
    const { store } = backend.sandbox;
    // A batch whose row key (up to the journal's 255 characters) and inputs (echoed in its result)
    // are hostile, in a journal of its own.
    const pool = store.addPool({ name: "zzbatchpool" });
    store.addProfile(pool.id, { name: "p" });
    const dir = mkdtempSync(join(tmpdir(), "agentdeck-hostile-"));
    await runBatch({
      client: backend.client,
      agentId: store.addAgent({ name: "zzbatchagent" }).id,
      pool: pool.id,
      rows: [{ key: hostile("zzrow").slice(0, 200), inputs: { steps: 1, note: hostile("input") } }],
      journal: join(dir, "hostile.sqlite"),
      pollIntervalMs: 20,
    });

    store.addPool({ name: hostile("zzpool") });
    const agent = store.addAgent({ name: hostile("zzagent") });
    const run = store.addExecution({
      agentId: agent.id,
      status: "running",
      // The newest, above the batch's.
      createdAt: new Date(Date.now() + 60_000).toISOString(),
    });
    store.addExecutionFiles(run.id, [
      { name: hostile("zzfile"), mimeType: hostile("type"), bytes: new TextEncoder().encode("x") },
    ]);
    const registered = store.addRegistryAgent({ name: hostile("zzregistry"), description: hostile("about") });

    const app = renderApp(backend.client, { columns: COLUMNS, rows: ROWS, cwd: dir });
    await app.waitFor(/\d+ pools/);
    await filterTo(app, "zzpool");
    expectClean(app.frame(), "the pool in the list and its pane");
    app.press(KEY.enter);
    await app.waitFor("Pool zzpool");
    expectClean(app.frame(), "the pool's detail view");
    app.press("e");
    await app.waitFor("Edit pool zzpool");
    expectClean(app.frame(), "the pool's form");
    app.press(KEY.escape);
    await app.waitFor("Pool zzpool");
    app.press("v");
    await app.waitFor("pool zzpool");
    expectClean(app.frame(), "the pool as JSON");
    app.press(KEY.escape, KEY.escape);

    app.press("2");
    await app.waitFor(/\d+ agents/);
    await filterTo(app, "zzagent");
    expectClean(app.frame(), "the agent in the list and its pane");
    app.press(KEY.enter);
    await app.waitFor("Run an agent");
    expectClean(app.frame(), "the run form with the agent chosen");
    app.press(KEY.escape);

    app.press("3");
    await app.waitFor((f) => selectedLine(f)?.includes("zzagent") ?? false, "the run of the agent on top");
    expectClean(app.frame(), "the execution in the list and its pane");
    app.press(KEY.enter);
    await app.waitFor("● running");
    expectClean(app.frame(), "the monitor");
    app.press("f");
    await app.waitFor((f) => selectedLine(f)?.includes("zzfile") ?? false, "the hostile file");
    expectClean(app.frame(), "the execution's files");
    app.press(KEY.enter);
    await app.waitFor("Save to: ");
    expectClean(app.frame(), "the download prompt");
    app.press(KEY.escape, KEY.escape);
    await app.waitFor("● running");
    app.press(KEY.escape);

    app.press("4");
    await app.waitFor(/\d+ registered agents/);
    await filterTo(app, "zzregistry");
    const listed = app.frame();
    expectClean(listed, "the registered agent in the list and its pane");
    // A list answers no counts; the pane says so rather than guessing.
    expect(listed).toMatch(/total\s+–\s/);
    app.press(KEY.enter);
    // The counts below the description are the server's, where they belong.
    await app.waitFor(new RegExp(`total\\s+${registered.instance_counts?.total}\\s`));
    expect(app.frame()).toContain("Registered agent zzregistry");
    expectClean(app.frame(), "the registered agent's detail view");
    app.press(KEY.escape);

    app.press("5");
    await app.waitFor((f) => selectedLine(f)?.includes("zzrow") ?? false, "the batch row");
    await app.waitFor(/zzrow.*finished/);
    expectClean(app.frame(), "the batch row in the list and its pane");
    app.unmount();
  });
});
