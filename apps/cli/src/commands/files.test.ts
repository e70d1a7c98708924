import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Sandbox } from "@agentdeck/sandbox";
import { describe, expect, test } from "vitest";
import { agentdeck } from "../test/run.ts";
import { runTarget, testSandbox } from "../test/sandbox-env.ts";

/** A directory of its own, holding `files` (name → contents). */
function folder(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "agentdeck-files-"));
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(dir, name), contents);
  return dir;
}

/** Runs an execution with `paths` attached (the agent's default profile) and answers its id once it is over. */
async function runWithFiles(sandbox: Sandbox, env: Record<string, string>, paths: string[]) {
  const { agent } = runTarget(sandbox);
  const result = await agentdeck(
    ["run", agent, ...paths.flatMap((path) => ["--file", path]), "--wait", "--interval", "0.02", "--json"],
    { env },
  );
  expect(result.code, result.err).toBe(0);
  return JSON.parse(result.out).id as string;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x1b, 0x5b, 0x32, 0x4a]);

describe("files stage", () => {
  test("uploads every path in one request and prints the temp files, as execute takes them", async () => {
    const { sandbox, env } = await testSandbox();
    const dir = folder({ "a.csv": "n\n1\n", "b.txt": "hello" });
    const result = await agentdeck(["files", "stage", join(dir, "a.csv"), join(dir, "b.txt"), "--json"], {
      env,
    });
    expect(result.code, result.err).toBe(0);
    const { tempFiles } = JSON.parse(result.out);
    expect(tempFiles.map((f: { name: string }) => f.name)).toEqual(["a.csv", "b.txt"]);
    const staged = sandbox.store.files.staged(tempFiles[0].id, sandbox.organizationId);
    expect(staged).toMatchObject({ name: "a.csv", mimeType: "text/csv" });
    expect(new TextDecoder().decode(staged?.bytes)).toBe("n\n1\n");
    const quiet = await agentdeck(["files", "stage", join(dir, "b.txt"), "-q"], { env });
    expect(quiet.out).toMatch(/^[0-9a-f-]{36}\n$/);
  });

  test("a path that cannot be read exits 2 naming it, and nothing is uploaded", async () => {
    const { sandbox, env } = await testSandbox();
    const dir = folder({ "a.csv": "n\n" });
    const before = sandbox.store.files.bytes;
    const result = await agentdeck(["files", "stage", join(dir, "a.csv"), join(dir, "missing.csv")], { env });
    expect(result).toEqual({
      code: 2,
      out: "",
      err: `agentdeck: files stage ${join(dir, "missing.csv")} cannot be read (ENOENT).\n`,
    });
    expect((await agentdeck(["files", "stage", dir], { env })).err).toBe(
      `agentdeck: files stage ${dir} is not a file.\n`,
    );
    expect(sandbox.store.files.bytes).toBe(before);
  });
});

describe("run --file and with neither --pool nor --agent-profile", () => {
  test("stages each file and attaches it: the run holds it and announces it with file_added", async () => {
    const { sandbox, env } = await testSandbox();
    const dir = folder({ "invoices.csv": "month,total\n2025-01,3\n" });
    const id = await runWithFiles(sandbox, env, [join(dir, "invoices.csv")]);
    const files = sandbox.store.files.ofExecution(id);
    expect(files).toMatchObject([{ fileName: "invoices.csv", mimeType: "text/csv", fileSize: 22 }]);
    const feed = JSON.parse((await agentdeck(["executions", "activities", id, "--json"], { env })).out);
    expect(feed.map((a: { payload: { activityType: string } }) => a.payload.activityType)).toContain(
      "file_added",
    );
    // Neither flag: the agent's default profile ran it.
    expect(sandbox.store.executions.get(id)?.status).toBe("completed");
  });

  test("both --pool and --agent-profile is a usage error", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent, pool } = runTarget(sandbox);
    const result = await agentdeck(["run", agent, "--pool", pool, "--agent-profile", pool], { env });
    expect(result).toEqual({
      code: 2,
      out: "",
      err: "agentdeck: give at most one of --pool POOL_ID and --agent-profile PROFILE_ID (neither runs with the agent's default profile).\n",
    });
  });

  test("a bad value is refused before any file is staged", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent } = runTarget(sandbox);
    const dir = folder({ "a.csv": "n\n" });
    const result = await agentdeck(["run", agent, "--pool", "nope", "--file", join(dir, "a.csv")], { env });
    expect(result.code).toBe(5);
    expect(result.err).toBe(
      "agentdeck: Invalid execute request: agentProfilePoolId: must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a (nothing was sent).\n",
    );
    expect(sandbox.store.files.bytes).toBe(0);
  });

  test("a run that fails to start after staging names the staged files", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent } = runTarget(sandbox);
    const empty = sandbox.store.addPool({ name: "Empty" });
    const dir = folder({ "a.csv": "n\n" });
    const result = await agentdeck(["run", agent, "--pool", empty.id, "--file", join(dir, "a.csv")], { env });
    expect(result.code).toBe(6);
    expect(result.err).toMatch(
      /^agentdeck: refused \(409\): .* Staged for it, and now attached to no run: a\.csv \(temp file [0-9a-f-]{36}\)\.\n$/,
    );
  });
});

describe("executions files and download", () => {
  test("files lists the context; download saves each file byte for byte and never overwrites unasked", async () => {
    const { sandbox, env } = await testSandbox();
    const source = folder({ "report.csv": "a,b\n1,2\n", "pixel.png": PNG });
    const id = await runWithFiles(sandbox, env, [join(source, "report.csv"), join(source, "pixel.png")]);
    const listed = await agentdeck(["executions", "files", id], { env });
    expect(
      listed.out
        .trim()
        .split("\n")
        .map((row) => row.split("\t")[1]),
    ).toEqual(["report.csv", "pixel.png"]);
    const out = folder();
    const saved = await agentdeck(["executions", "download", id, "-o", out, "--json"], { env });
    expect(saved.code, saved.err).toBe(0);
    expect(JSON.parse(saved.out)).toMatchObject([
      { fileName: "report.csv", path: join(out, "report.csv"), bytes: 8 },
      { fileName: "pixel.png", path: join(out, "pixel.png"), bytes: PNG.byteLength },
    ]);
    expect(readFileSync(join(out, "pixel.png"))).toEqual(Buffer.from(PNG));
    const again = await agentdeck(["executions", "download", id, "report.csv", "-o", out], { env });
    expect(again).toEqual({
      code: 2,
      out: "",
      err: `agentdeck: ${join(out, "report.csv")} already exists: pass --force to overwrite it.\n`,
    });
    writeFileSync(join(out, "report.csv"), "old");
    const forced = await agentdeck(["executions", "download", id, "report.csv", "-o", out, "--force", "-q"], {
      env,
    });
    expect(forced.out).toBe(`${join(out, "report.csv")}\n`);
    expect(readFileSync(join(out, "report.csv"), "utf8")).toBe("a,b\n1,2\n");
    // No partial files are left behind.
    expect(readdirSync(out).sort()).toEqual(["pixel.png", "report.csv"]);
  });

  test("-o - streams the bytes to a pipe; a terminal gets text only, made inert", async () => {
    const { sandbox, env } = await testSandbox();
    const source = folder({ "note.txt": "line one\n\u001b[2Jline two\u0007\n", "pixel.png": PNG });
    const id = await runWithFiles(sandbox, env, [join(source, "note.txt"), join(source, "pixel.png")]);
    const piped = await agentdeck(["executions", "download", id, "note.txt", "-o", "-"], { env });
    expect(piped).toEqual({ code: 0, out: "line one\n\u001b[2Jline two\u0007\n", err: "" });
    const shown = await agentdeck(["executions", "download", id, "note.txt", "-o", "-"], { env, tty: true });
    expect(shown.out).toBe("line one\nline two\n");
    const binary = await agentdeck(["executions", "download", id, "pixel.png", "-o", "-"], {
      env,
      tty: true,
    });
    expect(binary).toEqual({
      code: 2,
      out: "",
      err: "agentdeck: pixel.png is not text (image/png): save it with -o PATH, or pipe it (| less, > file).\n",
    });
    const several = await agentdeck(["executions", "download", id, "-o", "-"], { env });
    expect(several.err).toBe(
      "agentdeck: -o - writes one file to stdout, and this execution has 2: name one.\n",
    );
  });

  test("a file the execution does not have exits 4 and lists what it has", async () => {
    const { sandbox, env } = await testSandbox();
    const source = folder({ "report.csv": "x" });
    const id = await runWithFiles(sandbox, env, [join(source, "report.csv")]);
    const result = await agentdeck(["executions", "download", id, "other.csv"], { env });
    expect(result.code).toBe(4);
    expect(result.err).toMatch(
      new RegExp(`^agentdeck: execution ${id} has no file other\\.csv; its files are report\\.csv \\(`),
    );
    expect(existsSync("other.csv")).toBe(false);
  });
});
