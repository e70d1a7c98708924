import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sanitize } from "../../common/sanitize.ts";
import { KEY, renderApp, selectedLine } from "../../test/render.tsx";
import { clientFor, startBackend, type TestBackend } from "../../test/sandbox.ts";

let backend: TestBackend;
beforeAll(async () => {
  backend = await startBackend({ pools: 250 });
});
afterAll(async () => {
  await backend.sandbox.close();
});

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

async function createPool(name: string) {
  return backend.client.pools.create({ name, organizationId: backend.sandbox.organizationId });
}

/** Renders the app and waits for the first page of pools. */
async function openPools(options: { rows?: number; columns?: number } = {}) {
  const app = renderApp(backend.client, options);
  await app.waitFor(/\d+ pools\s+page 1\/3/);
  return app;
}

const selected = (frame: string) => selectedLine(frame) ?? "";
const poolRows = (frame: string) =>
  frame.split("\n").filter((line) => /_recently_used\s+(yes|no)\s/.test(line));

/** Creates a pool and opens the app filtered down to it, with it selected. */
async function openOnNewPool(prefix: string) {
  const name = unique(prefix);
  await createPool(name);
  const app = await openPools();
  app.press("/");
  app.type(name);
  app.press(KEY.enter);
  await app.waitFor((f) => selected(f).includes(name));
  return { app, name };
}

describe("the Pools tab", () => {
  test("shows name, strategy, concurrency and updated time, and draws only the rows that fit", async () => {
    const app = await openPools({ rows: 30 });
    const frame = app.frame();
    expect(frame).toMatch(/NAME ▲\s+STRATEGY\s+CONCURRENT\s+UPDATED/);
    expect(frame).toMatch(/least_recently_used|most_recently_used/);
    expect(frame).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d/);
    // 30 rows: tabs, list header, column titles, 24 pool rows, hint line, message line, status bar.
    expect(frame.split("\n")).toHaveLength(30);
    expect(poolRows(frame)).toHaveLength(24);
    app.unmount();
  });

  test("j and k, ↓ and ↑ move the cursor and the detail pane follows it", async () => {
    const app = await openPools();
    const first = selected(app.frame());
    app.press("j");
    await app.waitFor((f) => selected(f) !== first);
    const second = selected(app.frame());
    app.press(KEY.down, KEY.down, KEY.up);
    await app.waitFor((f) => selected(f) !== second && selected(f) !== first);
    app.press("k", "k");
    await app.waitFor((f) => selected(f) === first);
    const name = first
      .slice(1)
      .trim()
      .split(/\s{2,}/)[0] as string;
    expect(app.frame()).toContain(`│ ${name}`);
    app.unmount();
  });

  test("G and End go to the last row of the last page, g and Home back to the first row", async () => {
    const app = await openPools();
    const first = selected(app.frame());
    app.press("G");
    await app.waitFor("page 3/3");
    app.press("g");
    await app.waitFor((f) => f.includes("page 1/3") && selected(f) === first);
    app.press(KEY.end);
    await app.waitFor("page 3/3");
    app.press(KEY.home);
    await app.waitFor((f) => f.includes("page 1/3") && selected(f) === first);
    app.unmount();
  });

  test("] shows the next page of the server's and [ the one before", async () => {
    const app = await openPools();
    app.press("]");
    await app.waitFor("page 2/3");
    app.press("]");
    await app.waitFor("page 3/3");
    app.press("[");
    await app.waitFor("page 2/3");
    app.press("[");
    await app.waitFor("page 1/3");
    app.unmount();
  });

  test("moving down past the last row of a page fetches the next page", async () => {
    const app = await openPools();
    app.type("j".repeat(99));
    await app.waitFor((f) => f.includes("page 1/3") && selected(f) !== "");
    app.press("j");
    await app.waitFor("page 2/3");
    app.unmount();
  });

  test("/ filters by name on the server as you type, Enter keeps the filter and Esc clears it", async () => {
    const name = unique("filter-target");
    await createPool(name);
    const app = await openPools();
    app.press("/");
    app.type(name.slice(0, 12));
    await app.waitFor(/\d+ pools? .*\/filter-targe/);
    app.type(name.slice(12));
    await app.waitFor("1 pool ");
    app.press(KEY.enter);
    const frame = await app.waitFor((f) => selected(f).includes(name));
    expect(frame).toContain(`/${name}`);
    app.press(KEY.escape);
    await app.waitFor((f) => f.includes("page 1/3") && f.includes("/ filter"));
    app.unmount();
  });

  test("s cycles the sort field and S flips the direction", async () => {
    const app = await openPools();
    app.press("s");
    await app.waitFor("sort created_at ▲");
    app.press("s");
    await app.waitFor("sort updated_at ▲");
    app.press("S");
    await app.waitFor("sort updated_at ▼");
    expect(app.frame()).toContain("UPDATED ▼");
    app.press("s");
    await app.waitFor("sort name ▼");
    app.unmount();
  });

  test("Enter opens the pool's detail and Esc goes back to the same row", async () => {
    const app = await openPools();
    app.press("j", "j");
    await app.waitFor((f) => selected(f) !== "" && !f.includes("loading"));
    const row = selected(app.frame());
    const name = row
      .slice(1)
      .trim()
      .split(/\s{2,}/)[0] as string;
    app.press(KEY.enter);
    await app.waitFor(`Pool ${name}`);
    expect(app.frame()).toMatch(/e edit · x run · v json · y copy id · R refresh · Esc back/);
    app.press(KEY.escape);
    await app.waitFor((f) => selected(f) === row);
    app.unmount();
  });

  test("R fetches the page again, showing a pool created elsewhere", async () => {
    const name = unique("refresh-target");
    const app = await openPools();
    app.press("/");
    app.type(name);
    app.press(KEY.enter);
    await app.waitFor(`no pools match "${name}"`);
    await createPool(name);
    app.press("R");
    await app.waitFor((f) => selected(f).includes(name));
    app.unmount();
  });

  test("n opens a form that marks an invalid name before anything is sent", async () => {
    const before = (await backend.client.pools.list({ pageSize: 1 })).total;
    const app = await openPools();
    app.press("n");
    await app.waitFor("New pool");
    app.press(KEY.enter);
    await app.waitFor("must be 1 to 255 characters");
    app.type("x".repeat(256));
    await app.waitFor("Name ✗");
    app.press(KEY.backspace);
    await app.waitFor((f) => !f.includes("Name ✗"));
    app.press(KEY.escape);
    await app.waitFor("page 1/3");
    expect((await backend.client.pools.list({ pageSize: 1 })).total).toBe(before);
    app.unmount();
  });

  test("n creates a pool with the chosen strategy and concurrency, and the list selects it", async () => {
    const name = unique("created");
    const app = await openPools();
    app.press("/");
    app.type("created-");
    app.press(KEY.enter);
    await app.waitFor(/pools? .*\/created-/);
    app.press("n");
    await app.waitFor("New pool");
    app.type(name);
    app.press(KEY.tab, KEY.right, KEY.tab, " ");
    await app.waitFor("‹ yes ›");
    expect(app.frame()).toContain("‹ most_recently_used ›");
    app.press(KEY.enter);
    const frame = await app.waitFor((f) => selected(f).includes(name));
    expect(selected(frame)).toMatch(/most_recently_used\s+yes/);
    expect(frame).toContain(`Created pool ${name}.`);
    app.unmount();
  });

  test("e edits the selected pool", async () => {
    const { app, name } = await openOnNewPool("edit-me");
    app.press("e");
    await app.waitFor(`Edit pool ${name}`);
    app.type("-renamed");
    app.press(KEY.enter);
    await app.waitFor(`Saved pool ${name}-renamed.`);
    app.unmount();
  });

  test("x opens the run form with the selected pool already chosen", async () => {
    const { app, name } = await openOnNewPool("run-with");
    app.press("x");
    const frame = await app.waitFor("Run an agent");
    expect(frame).toMatch(new RegExp(`Pool\\s+${name}`));
    app.press(KEY.escape);
    await app.waitFor((f) => selected(f).includes(name));
    app.unmount();
  });

  test("a pool named with escape sequences is drawn as inert text", async () => {
    const hostile = `\u001b[31mred${unique("")}\u001b]0;pwned\u0007\u001b[2J`;
    await createPool(hostile);
    const app = await openPools();
    app.press("/");
    app.type("red-");
    app.press(KEY.enter);
    const frame = await app.waitFor((f) => /›red-\w+/.test(f));
    expect(frame).not.toContain("\u001b]");
    expect(frame).not.toContain("\u0007");
    expect(frame).not.toContain("\u001b[2J");
    expect(frame).not.toContain("\u001b[31m");
    expect(frame).not.toContain("pwned");
    app.unmount();
  });

  test("resizing reflows: fewer rows show fewer pools, a narrow terminal drops the detail pane", async () => {
    const app = await openPools({ rows: 30, columns: 120 });
    expect(app.frame()).toContain("│ ");
    app.resize(70, 16);
    const frame = await app.waitFor((f) => f.split("\n").length === 16);
    expect(frame).not.toContain("│");
    expect(poolRows(frame)).toHaveLength(10);
    app.unmount();
  });
});

describe("the Pools tab when things go wrong", () => {
  test("a 5xx on create shows what to do and keeps everything typed in the form", async () => {
    const faulty = await startBackend({
      faults: { rate: 1, status: 503, routes: ["POST /agents/v2/agent-profile-pools"] },
    });
    try {
      const app = renderApp(faulty.client);
      await app.waitFor(/\d+ pools/);
      app.press("n");
      await app.waitFor("New pool");
      app.type("Kept after a failure");
      app.press(KEY.tab, KEY.right);
      app.press(KEY.enter);
      const frame = await app.waitFor("the server failed (503)");
      // A 503 may come after the pool was made: the advice is to look, not to send it again.
      expect(frame.replace(/\s+/g, " ")).toContain("It may have been created anyway");
      expect(frame).toContain("Kept after a failure");
      expect(frame).toContain("‹ most_recently_used ›");
      expect(frame).toContain("New pool");
      app.unmount();
    } finally {
      await faulty.sandbox.close();
    }
  });

  test("a refused key says how to set one, and the key is never shown", async () => {
    const app = renderApp(clientFor(backend.sandbox, { apiKey: "wrong-secret-key-123" }));
    const frame = await app.waitFor("Set ASTEROID_API_KEY");
    expect(frame).toContain("● unauthorized");
    expect(frame).not.toContain("wrong-secret-key-123");
    app.unmount();
  });

  test("a dropped connection shows what to do, and the rows and cursor stay", async () => {
    const doomed = await startBackend();
    const app = renderApp(doomed.client);
    await app.waitFor(/\d+ pools/);
    app.press("j");
    await app.waitFor((f) => selected(f) !== "");
    const row = selected(app.frame());
    await doomed.sandbox.close();
    app.press("R");
    const frame = await app.waitFor("cannot reach");
    expect(frame).toContain("● offline");
    expect(selected(frame)).toBe(row);
    app.unmount();
  });
});

describe("the Pools tab, where issue 12 found it wanting", () => {
  test("a pool name of spaces only is refused before anything is sent (bug 6)", async () => {
    const before = (await backend.client.pools.list({ pageSize: 1 })).total;
    const app = renderApp(backend.client);
    await app.waitFor(/\d+ pools/);
    app.press("n");
    await app.waitFor("New pool");
    app.type("   ");
    app.press(KEY.enter);
    await app.waitFor("Name ✗");
    expect((await backend.client.pools.list({ pageSize: 1 })).total).toBe(before);
    app.unmount();
  });

  test("j held across a page boundary on a slow server is not dropped (bug 7)", async () => {
    const slow = await startBackend({ pools: 250, latencyMs: 150 });
    try {
      const app = renderApp(slow.client, { rows: 40 });
      await app.waitFor(/\d+ pools\s+page 1\/3/);
      const page2 = await slow.client.pools.list({
        organizationId: slow.sandbox.organizationId,
        page: 2,
        pageSize: 100,
      });
      app.type("j".repeat(99));
      app.type("jjj");
      await app.waitFor((f) => f.includes("page 2/3") && !f.includes("loading"));
      expect(selectedLine(app.frame())).toContain(sanitize(page2.items[2]?.name).slice(0, 20));
      app.unmount();
    } finally {
      await slow.sandbox.close();
    }
  });

  test("text typed in the same burst as the key that opens a form lands in the form (bug 7)", async () => {
    const app = renderApp(backend.client);
    await app.waitFor(/\d+ pools/);
    app.type("nFast pool");
    await app.waitFor(/Name\s+Fast pool/);
    app.unmount();
  });

  test("a 409 does not stay above a later problem (bug 12)", async () => {
    const existing = { name: "Payroll admins" };
    const app = renderApp(backend.client);
    await app.waitFor(/\d+ pools/);
    app.press("n");
    await app.waitFor("New pool");
    app.type(existing?.name as string);
    app.press(KEY.enter);
    await app.waitFor("already exists");
    app.press("\u0015"); // Ctrl+U empties the name
    app.press(KEY.enter);
    await app.waitFor("Name ✗");
    expect(app.frame()).not.toContain("already exists");
    app.unmount();
  });

  test("advice in a form names a key that works there (bug 13)", async () => {
    const limited = await startBackend({
      faults: { rate: 1, status: 429, routes: ["POST /agents/v2/agent-profile-pools"] },
    });
    try {
      const app = renderApp(limited.client);
      await app.waitFor(/\d+ pools/);
      app.press("n");
      await app.waitFor("New pool");
      app.type("Limited");
      app.press(KEY.enter);
      const frame = await app.waitFor("429");
      expect(frame).not.toMatch(/\bR\b/);
      expect(frame).toContain("Ctrl+S");
      app.unmount();
    } finally {
      await limited.sandbox.close();
    }
  });

  test("PgDn moves one screen and Ctrl+D half a screen, within the server's page (bug 18)", async () => {
    const app = renderApp(backend.client, { rows: 40 });
    await app.waitFor(/\d+ pools\s+page 1\/3/);
    const page = await backend.client.pools.list({
      organizationId: backend.sandbox.organizationId,
      page: 1,
      pageSize: 100,
    });
    // One screen is as many rows as the table shows.
    const screen = app
      .frame()
      .split("\n")
      .filter((line) => /_recently_used\s+(yes|no)\s/.test(line)).length;
    app.press(KEY.pageDown);
    const name = (index: number) => sanitize(page.items[index]?.name).slice(0, 20);
    await app.waitFor((f) => selectedLine(f)?.includes(name(screen)) ?? false);
    expect(app.frame()).toContain("page 1/3");
    app.press(KEY.ctrlD);
    const half = screen + Math.floor(screen / 2);
    await app.waitFor((f) => selectedLine(f)?.includes(name(half)) ?? false);
    app.press(KEY.pageUp, KEY.pageUp);
    await app.waitFor((f) => selectedLine(f)?.includes(name(0)) ?? false);
    app.press("]");
    await app.waitFor("page 2/3");
    app.unmount();
  });
});
