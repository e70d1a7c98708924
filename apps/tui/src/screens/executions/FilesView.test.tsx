import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { KEY, renderApp, selectedLine } from "../../test/render.tsx";
import { startBackend, type TestBackend } from "../../test/sandbox.ts";

let backend: TestBackend;
let dir: string;
beforeAll(async () => {
  backend = await startBackend();
  dir = mkdtempSync(join(tmpdir(), "agentdeck-files-"));
});
afterAll(async () => {
  await backend.sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every byte value, then random ones: what is saved must be exactly what was uploaded. */
function someBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = i < 256 ? i : Math.floor(Math.random() * 256);
  return bytes;
}

/** A run started with a staged file (`tempFiles`), opened in the monitor, then its files view. */
async function openFiles(name: string, bytes: Uint8Array) {
  const { client, sandbox } = backend;
  const staged = await client.files.stage([{ name, data: bytes, type: "application/octet-stream" }], {
    organizationId: sandbox.organizationId,
  });
  const [agent] = (await client.agents.list({ pageSize: 1 })).items;
  const { executionId } = await client.agents.execute(agent?.id as string, { tempFiles: staged.tempFiles });
  const app = renderApp(client, { tab: "executions", rows: 30, cwd: dir });
  await app.waitFor(/\d+ executions/);
  app.press("/");
  app.type(executionId.slice(0, 13));
  app.press(KEY.enter);
  await app.waitFor((f) => selectedLine(f)?.startsWith(`›${executionId.slice(0, 8)}`) ?? false, "the run");
  app.press(KEY.enter);
  // The upload is announced in the feed.
  await app.waitFor(
    new RegExp(
      `file\\s+${name.replace(".", "\\.")} \\(application/octet-stream, ${bytes.length} bytes, upload\\)`,
    ),
  );
  app.press("f");
  await app.waitFor(`Files of execution ${executionId}`);
  await app.waitFor((f) => selectedLine(f)?.includes(name) ?? false, "the file listed");
  return { app, executionId };
}

/**
 * Opens the download prompt (unless it is open), changes what is typed to `path` (or leaves it),
 * and sends it.
 */
async function saveTo(
  app: Awaited<ReturnType<typeof openFiles>>["app"],
  typed: string,
  path?: string,
  open = false,
) {
  if (!open) app.press(KEY.enter);
  await app.waitFor(`Save to: ${typed}`);
  if (path !== undefined) {
    for (let i = 0; i < typed.length; i++) app.press(KEY.backspace);
    app.type(path);
  }
  app.press(KEY.enter);
}

describe("an execution's files", () => {
  test("lists the file of a run started with tempFiles, and downloads it byte for byte to the file's name here", async () => {
    const bytes = someBytes(200_000);
    const { app } = await openFiles("report.bin", bytes);
    expect(app.frame()).toMatch(/report\.bin\s+195\.3 KiB\s+application\/octet-stream/);
    await saveTo(app, "report.bin");
    await app.waitFor(`✓ Saved ${join(dir, "report.bin")} (195.3 KiB).`);
    expect(new Uint8Array(readFileSync(join(dir, "report.bin")))).toEqual(bytes);
    // Nothing else is left beside it (the partial file took its name).
    expect(readdirSync(dir).filter((f) => f.includes("report"))).toEqual(["report.bin"]);
    app.unmount();
  });

  test("never replaces a file without asking: n keeps it and lets the path be changed, y replaces it", async () => {
    const bytes = someBytes(5000);
    const { app } = await openFiles("notes.bin", bytes);
    writeFileSync(join(dir, "notes.bin"), "mine");
    await saveTo(app, "notes.bin");
    await app.waitFor(`${join(dir, "notes.bin")} exists. Replace it? y/n`);
    app.press("n");
    expect(readFileSync(join(dir, "notes.bin"), "utf8")).toBe("mine");
    // The typed path comes back, to save under another name.
    await saveTo(app, "notes.bin", "kept/../notes-copy.bin", true);
    await app.waitFor(`✓ Saved ${join(dir, "notes-copy.bin")}`);
    expect(new Uint8Array(readFileSync(join(dir, "notes-copy.bin")))).toEqual(bytes);
    expect(readFileSync(join(dir, "notes.bin"), "utf8")).toBe("mine");
    await saveTo(app, "notes.bin");
    await app.waitFor("exists. Replace it? y/n");
    app.press("y");
    await app.waitFor(`✓ Saved ${join(dir, "notes.bin")}`);
    expect(new Uint8Array(readFileSync(join(dir, "notes.bin")))).toEqual(bytes);
    app.unmount();
  });

  test("a path into a directory that is not there is refused in the prompt, keeping what was typed", async () => {
    const { app } = await openFiles("data.bin", someBytes(10));
    await saveTo(app, "data.bin", "missing/data.bin");
    await app.waitFor(`There is no directory ${join(dir, "missing")}: type another path.`);
    expect(app.frame()).toContain("Save to: missing/data.bin");
    app.unmount();
  });

  test("a download that fails says why in place, and saves nothing", async () => {
    const { app } = await openFiles("gone.bin", someBytes(100));
    // The signed URL the list gave no longer serves the file.
    backend.sandbox.store.files.clear();
    await saveTo(app, "gone.bin");
    await app.waitFor(/✗ Could not download gone\.bin: .*This signed URL is not valid/);
    expect(readdirSync(dir).filter((f) => f.includes("gone"))).toEqual([]);
    // The view is still there, with its keys.
    expect(app.frame()).toMatch(/Enter download/);
    app.unmount();
  });
});
