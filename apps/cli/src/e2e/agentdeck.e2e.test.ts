import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runTarget, sandboxEnv, testSandbox } from "../test/sandbox-env.ts";
import { e2eUnavailable, shell } from "../test/shell.ts";

const unavailable = e2eUnavailable();
const title = unavailable
  ? `agentdeck as a shell runs it (skipped: ${unavailable})`
  : "agentdeck as a shell runs it";

// Reads all of stdin and prints what `fn` makes of it: another process consuming agentdeck's output.
const nodeReads = (fn: string) =>
  `node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(${fn}))'`;

describe.skipIf(unavailable !== undefined)(title, () => {
  test("pools list --json is read by another process; --all gives one JSON object a line", async () => {
    const { env } = await testSandbox();
    const page = await shell(
      `agentdeck pools list --json | ${nodeReads('JSON.parse(s).items.map((p) => p.name).join("|")')}`,
      env,
    );
    expect(page.status).toBe(0);
    expect(page.stdout.trim().split("|")).toHaveLength(8);
    expect(page.stdout).toContain("Payroll admins");
    const all = await shell(
      `set -o pipefail; agentdeck pools list --all --page-size 3 --json | ${nodeReads('s.trim().split("\\n").map((l) => JSON.parse(l).id).length')}`,
      env,
    );
    expect(all.stdout.trim()).toBe("8");
    expect(all.status).toBe(0);
    const head = await shell(
      `agentdeck pools list --all --page-size 1 --json | head -1; exit "\${PIPESTATUS[0]}"`,
      env,
    );
    expect(head).toMatchObject({ status: 0, stderr: "" });
    expect(JSON.parse(head.stdout)).toHaveProperty("name");
  });

  test("run --wait exits 0 for a run that completes and 10 for one that fails", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent, pool } = runTarget(sandbox);
    const ok = await shell(
      `agentdeck run ${agent} --pool ${pool} --input city=Lisbon --input nights:=3 --wait --interval 0.05`,
      env,
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("status\tcompleted");
    expect(ok.stdout).toContain('result\t{"inputs":{"city":"Lisbon","nights":3}');
    expect(ok.stderr).toBe("");
    const failed = await shell(
      `agentdeck run ${agent} --pool ${pool} --input fail:=true --wait --interval 0.05 --json`,
      env,
    );
    expect(failed.status).toBe(10);
    expect(JSON.parse(failed.stdout)).toMatchObject({ status: "failed" });
  });

  test("a cancelled execution makes executions watch exit 11", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent, pool } = runTarget(sandbox);
    const result = await shell(
      `id=$(agentdeck run ${agent} --pool ${pool} --input awaitConfirmation:=true --quiet) && agentdeck executions cancel $id && agentdeck executions watch $id --interval 0.05 --quiet`,
      env,
    );
    expect(result.status).toBe(11);
    expect(result.stdout.trim().split("\n")).toHaveLength(2);
  });

  test("--follow prints every activity as it arrives, oldest first, then how the run ended", async () => {
    const { sandbox, env } = await testSandbox({ stepMs: 20 });
    const { agent, pool } = runTarget(sandbox);
    const result = await shell(
      `agentdeck run ${agent} --pool ${pool} --input steps:=2 --follow --interval 0.05`,
      env,
    );
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d {2}status {4}starting$/);
    const kinds = lines.slice(0, -2).map((line) => line.slice(10, 18).trim());
    expect(kinds).toEqual([
      "status",
      "status",
      "info",
      ...Array(2).fill(["step", "thinks", "action", "action", "step"]).flat(),
      "status",
    ]);
    expect(lines.at(-2)).toMatch(/^execution [0-9a-f-]{36} completed: success$/);
    const json = await shell(
      `agentdeck run ${agent} --pool ${pool} --input steps:=1 --follow --json --interval 0.05`,
      env,
    );
    const objects = json.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(objects.slice(0, -1).every((o) => typeof o.payload?.activityType === "string")).toBe(true);
    expect(objects.at(-1)).toMatchObject({ status: "completed", executionResult: { outcome: "success" } });
  });

  test("file staging end to end: run --file, its file_added in --follow, download it, the same bytes", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent } = runTarget(sandbox);
    const dir = mkdtempSync(join(tmpdir(), "agentdeck-e2e-files-"));
    // Bytes a text pipeline would mangle: a NUL, a lone CR, invalid UTF-8.
    writeFileSync(join(dir, "in.bin"), new Uint8Array([0, 13, 10, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a, 65]));
    const result = await shell(
      `cd ${dir} && agentdeck run ${agent} --file in.bin --follow --interval 0.05 > feed.txt && \
       id=$(tail -2 feed.txt | head -1 | cut -d' ' -f2) && \
       agentdeck executions files $id --quiet | wc -l && \
       agentdeck executions download $id in.bin -o out.bin && cmp in.bin out.bin && echo same && \
       agentdeck executions download $id in.bin -o - | cmp - in.bin && echo piped-same`,
      env,
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n").map((line) => line.trim())).toEqual([
      "1",
      "out.bin\t10 B\tin.bin",
      "same",
      "piped-same",
      "",
    ]);
    const feed = readFileSync(join(dir, "feed.txt"), "utf8");
    expect(feed).toMatch(
      /^\d\d:\d\d:\d\d {2}file {6}in\.bin \(application\/octet-stream, 10 bytes, upload\)$/m,
    );
  });

  test("a refused key exits 3 with one line that says what to set, and never shows the key", async () => {
    const { sandbox } = await testSandbox();
    const env = sandboxEnv(sandbox, { ASTEROID_API_KEY: "not-the-right-key-e2e" });
    const result = await shell("agentdeck pools list", env);
    expect(result.status).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "agentdeck: the API refused the key (401): set ASTEROID_API_KEY to a valid key, or pick a profile with --profile (agentdeck config list shows them).\n",
    );
  });

  test("no key at all exits 3 and says how to set one", async () => {
    const result = await shell("agentdeck pools list", {
      AGENTDECK_CONFIG: `${process.env.TMPDIR ?? "/tmp"}/agentdeck-none-${process.pid}/c.json`,
    });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^agentdeck: no API key is configured: set ASTEROID_API_KEY, or save one/);
  });

  test("a sandbox answering 503 gives exit 8 after the client's two retries", async () => {
    let requests = 0;
    const { env } = await testSandbox({
      faults: { rate: 1, status: 503, retryAfterSeconds: 0, routes: ["GET /agents/v2/agent-profile-pools"] },
      random: () => {
        requests++;
        return 0;
      },
    });
    const result = await shell("agentdeck pools list --json", env);
    expect(result.status).toBe(8);
    expect(requests).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^agentdeck: the server failed \(503\): service unavailable \(a fault the sandbox injected\).*Try again in a moment\.\n$/,
    );
  });

  test("a start answered with 500 is not sent again, and the message says how to find the run", async () => {
    let requests = 0;
    const { sandbox, env } = await testSandbox({
      faults: { rate: 1, status: 500, routes: ["POST /agents/v2/agents/{agentId}/execute"] },
      random: () => {
        requests++;
        return 0;
      },
    });
    const { agent, pool } = runTarget(sandbox);
    const result = await shell(`agentdeck run ${agent} --pool ${pool} --wait`, env);
    expect(result.status).toBe(8);
    expect(requests).toBe(1);
    const find =
      /look for it with (agentdeck executions list --metadata agentdeck-run=[0-9a-f-]{36})\n$/.exec(
        result.stderr,
      );
    expect(find, result.stderr).not.toBeNull();
    expect(result.stderr).toContain("The run may have started all the same");
    const look = await shell(`${find?.[1]} --json`, sandboxEnv(sandbox));
    expect(look.status).toBe(0);
    expect(JSON.parse(look.stdout)).toMatchObject({ items: [], total: 0 });
  });

  test("Ctrl-C during run --wait stops waiting, says how to resume, and leaves the run going", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent, pool } = runTarget(sandbox);
    const result = await shell(
      `exec agentdeck run ${agent} --pool ${pool} --input awaitConfirmation:=true --follow --interval 0.05`,
      env,
      {
        onStart: (child) => {
          child.stdout?.on("data", (chunk: Buffer) => {
            if (chunk.toString().includes("awaiting_confirmation")) child.kill("SIGINT");
          });
        },
      },
    );
    expect(result.status).toBe(130);
    const match =
      /stopped waiting; execution ([0-9a-f-]{36}) goes on\. Watch it again with: agentdeck executions watch \1\n$/.exec(
        result.stderr,
      );
    expect(match, result.stderr).not.toBeNull();
    expect(sandbox.store.executions.get(match?.[1] as string)?.status).toBe("awaiting_confirmation");
  });

  test("--cancel-on-interrupt cancels the run on Ctrl-C", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent, pool } = runTarget(sandbox);
    const result = await shell(
      `exec agentdeck run ${agent} --pool ${pool} --input awaitConfirmation:=true --follow --interval 0.05 --cancel-on-interrupt`,
      env,
      {
        onStart: (child) => {
          child.stdout?.on("data", (chunk: Buffer) => {
            if (chunk.toString().includes("awaiting_confirmation")) child.kill("SIGINT");
          });
        },
      },
    );
    expect(result.status).toBe(130);
    const id = /cancelled execution ([0-9a-f-]{36})\./.exec(result.stderr)?.[1];
    expect(sandbox.store.executions.get(id as string)?.status).toBe("cancelled");
  });
});
