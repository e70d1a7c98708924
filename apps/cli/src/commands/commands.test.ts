import { describe, expect, test } from "vitest";
import { displayWidth } from "../output/width.ts";
import { agentdeck } from "../test/run.ts";
import { runTarget, sandboxEnv, testSandbox } from "../test/sandbox-env.ts";

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for escape sequences is the point
const ESCAPE = /\u001b/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

describe("pools", () => {
  test("create, get and update, each printing the pool; --quiet prints only the id", async () => {
    const { sandbox, env } = await testSandbox();
    const created = await agentdeck(
      ["pools", "create", "Nightly bots", "--strategy", "most_recently_used", "--quiet"],
      { env },
    );
    expect(created).toMatchObject({ code: 0, err: "" });
    const id = created.out.trim();
    expect(sandbox.store.pools.get(id)).toMatchObject({
      name: "Nightly bots",
      selectionStrategy: "most_recently_used",
    });
    const updated = await agentdeck(
      ["pools", "update", id, "--name", "Nightly bots (EU)", "--concurrent", "--json"],
      { env },
    );
    expect(JSON.parse(updated.out)).toMatchObject({
      id,
      name: "Nightly bots (EU)",
      allowConcurrentUse: true,
    });
    const shown = await agentdeck(["pools", "get", id], { env });
    expect(shown.out).toContain("name\tNightly bots (EU)\n");
    expect(shown.out).toContain("concurrent use\tyes\n");
  });

  test("create asks which organization when the key has several and none is configured", async () => {
    const { sandbox, env } = await testSandbox();
    sandbox.store.addOrganization({ name: "Second org" });
    expect(await agentdeck(["pools", "create", "Where?"], { env })).toEqual({
      code: 2,
      out: "",
      err: "agentdeck: the API key belongs to 2 organizations: choose one with --org or ASTEROID_ORGANIZATION_ID (agentdeck context lists them).\n",
    });
    const chosen = await agentdeck(["pools", "create", "Here", "--org", sandbox.organizationId, "-q"], {
      env,
    });
    expect(chosen.code).toBe(0);
  });

  test("a name already taken exits 6 with what the server said", async () => {
    const { env } = await testSandbox();
    expect(await agentdeck(["pools", "create", "Payroll admins"], { env })).toEqual({
      code: 6,
      out: "",
      err: 'agentdeck: refused (409): a pool named "Payroll admins" already exists in this organization; choose another name.\n',
    });
  });

  test("an id that is not a UUID exits 5 before anything is sent; one that does not exist exits 4", async () => {
    const { env } = await testSandbox();
    const bad = await agentdeck(["pools", "get", "nope"], { env });
    expect(bad.code).toBe(5);
    expect(bad.err).toBe(
      "agentdeck: Invalid id: poolId: must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a (nothing was sent).\n",
    );
    const missing = await agentdeck(["pools", "get", "0d6f8a2c-4e1b-4c3d-9a5f-7b9d1e3f5a70"], { env });
    expect(missing.code).toBe(4);
    expect(missing.err).toMatch(
      /^agentdeck: not found \(404\): .*Check the id: the list commands show them\.\n$/,
    );
  });

  test("update with nothing to change is a usage error", async () => {
    const { env } = await testSandbox();
    const result = await agentdeck(["pools", "update", "0d6f8a2c-4e1b-4c3d-9a5f-7b9d1e3f5a70"], { env });
    expect(result).toEqual({
      code: 2,
      out: "",
      err: "agentdeck: nothing to change: give --name, --strategy, --concurrent or --no-concurrent.\n",
    });
  });

  test("list --all walks every page: one JSON object a line, each pool once", async () => {
    const { env } = await testSandbox({ pools: 250 });
    const result = await agentdeck(["pools", "list", "--all", "--json"], { env });
    const ids = result.out
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).id);
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
  });

  test("list --json prints the page as the API returns it", async () => {
    const { env } = await testSandbox();
    const page = JSON.parse((await agentdeck(["pools", "list", "--page-size", "3", "--json"], { env })).out);
    expect(page).toMatchObject({ page: 1, pageSize: 3, total: 8 });
    expect(page.items).toHaveLength(3);
  });
});

describe("output", () => {
  test("on a terminal: an aligned table clipped to its width, coloured, with a hint on stderr", async () => {
    const { env } = await testSandbox();
    const { out, err } = await agentdeck(["executions", "list"], { env, tty: true, columns: 100 });
    const lines = out.trimEnd().split("\n");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: taking the colour away to measure
    const plain = lines.map((line) => line.replace(/\u001b\[[0-9;]*m/g, ""));
    expect(plain[0]).toMatch(/^ID {2,}AGENT +STATUS +OUTCOME +CREATED$/);
    expect(plain.every((line) => displayWidth(line) <= 100)).toBe(true);
    expect(plain.some((line) => line.includes("…"))).toBe(true);
    expect(out).toContain("\u001b[1mID");
    expect(err).toContain("page 1 of 1 (10 executions)");
    const narrow = await agentdeck(["executions", "list", "--no-color"], { env, tty: true, columns: 60 });
    const header = narrow.out.split("\n")[0] as string;
    expect(header).toMatch(/^ID {2,}AGENT/);
    expect(
      narrow.out
        .trimEnd()
        .split("\n")
        .every((line) => displayWidth(line) <= 60),
    ).toBe(true);
  });

  test("NO_COLOR, --no-color or a pipe: no colour at all", async () => {
    const { env } = await testSandbox();
    for (const run of [
      agentdeck(["executions", "list"], { env: { ...env, NO_COLOR: "1" }, tty: true }),
      agentdeck(["executions", "list", "--no-color"], { env, tty: true }),
      agentdeck(["executions", "list"], { env }),
    ]) {
      expect((await run).out).not.toMatch(ESCAPE);
    }
  });

  test("in a pipe: tab-separated rows without a header or hint", async () => {
    const { env } = await testSandbox();
    const { out, err } = await agentdeck(["agents", "list"], { env });
    const rows = out.trim().split("\n");
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.split("\t").length === 3)).toBe(true);
    expect(err).toBe("");
  });

  test("server text that tries to drive the terminal is made inert in tables, rows and JSON", async () => {
    const { sandbox, env } = await testSandbox();
    const hostile = "evil\u001b[2J\u001b]0;owned\u0007\u009b31m name\u202e\u200ftxt\nnext";
    sandbox.store.addPool({ name: hostile });
    for (const tty of [true, false]) {
      const { out } = await agentdeck(["pools", "list", "--search", "evil"], { env, tty, columns: 200 });
      // biome-ignore lint/suspicious/noControlCharactersInRegex: taking our own colour away first
      const text = out.replace(/\u001b\[(1|22|2|3\d|39)m/g, "");
      expect(text).not.toMatch(CONTROL_OR_BIDI);
      expect(text).toContain("evil nametxt next");
    }
    const json = (await agentdeck(["pools", "list", "--search", "evil", "--json"], { env })).out;
    expect(json).not.toMatch(CONTROL_OR_BIDI);
    expect(JSON.parse(json).items[0].name).toBe(hostile);
  });

  test("a key the server echoes back in data is redacted from what is printed", async () => {
    const { sandbox, env } = await testSandbox();
    sandbox.store.addPool({ name: `leaks ${sandbox.apiKey} here` });
    for (const flags of [[], ["--json"], ["--all", "--json"]]) {
      const { out } = await agentdeck(["pools", "list", "--search", "leaks", ...flags], { env });
      expect(out).toContain("leaks [redacted] here");
      expect(out).not.toContain(sandbox.apiKey);
    }
  });
});

describe("executions", () => {
  test("list filters by status (comma-separated) and by metadata", async () => {
    const { sandbox, env } = await testSandbox();
    const filtered = JSON.parse(
      (await agentdeck(["executions", "list", "--status", "failed,cancelled", "--json"], { env })).out,
    );
    expect(filtered.items.map((e: { status: string }) => e.status).sort()).toEqual(["cancelled", "failed"]);
    const { agent, pool } = runTarget(sandbox);
    const started = await agentdeck(["run", agent, "--pool", pool, "--metadata", "team=growth", "--json"], {
      env,
    });
    const { executionId } = JSON.parse(started.out);
    const found = await agentdeck(["executions", "list", "--metadata", "team=growth", "--quiet"], { env });
    expect(found.out).toBe(`${executionId}\n`);
    const tag = sandbox.store.executions.get(executionId)?.metadata?.["agentdeck-run"];
    expect(tag).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a status that does not exist is refused while the flags are read", async () => {
    const result = await agentdeck(["executions", "list", "--status", "runing"], {});
    expect(result.code).toBe(2);
    expect(result.err).toContain('"runing" is not a status; the statuses are starting, running,');
  });

  test("pause, resume and message steer a run; a move the status forbids exits 5 with the server's reason", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent, pool } = runTarget(sandbox);
    const { out } = await agentdeck(
      ["run", agent, "--pool", pool, "--input", "awaitConfirmation:=true", "--quiet"],
      { env },
    );
    const id = out.trim();
    await until(() => sandbox.store.executions.get(id)?.status === "awaiting_confirmation");
    expect(await agentdeck(["executions", "resume", id], { env })).toMatchObject({ code: 0, out: `${id}\n` });
    const sent = await agentdeck(["executions", "message", id, "Use", "the", "blue", "card"], {
      env,
      tty: true,
    });
    expect(sent.out).toBe(`Sent the message to execution ${id}.\n`);
    await agentdeck(["executions", "watch", id, "--interval", "0.02"], { env });
    const refused = await agentdeck(["executions", "pause", id], { env });
    expect(refused.code).toBe(5);
    expect(refused.err).toContain("cannot change the execution's status from completed to paused");
    const feed = JSON.parse((await agentdeck(["executions", "activities", id, "--json"], { env })).out);
    expect(
      feed.some((a: { payload: { message?: string } }) => a.payload.message === "Use the blue card"),
    ).toBe(true);
  });

  test("watch --follow --quiet prints only the execution's id, once it is over", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent, pool } = runTarget(sandbox);
    const id = (await agentdeck(["run", agent, "--pool", pool, "-q"], { env })).out.trim();
    const result = await agentdeck(["executions", "watch", id, "--follow", "--quiet", "--interval", "0.02"], {
      env,
    });
    expect(result).toEqual({ code: 0, out: `${id}\n`, err: "" });
  });

  test("watch goes on through failed polls, silent in a pipe, and exits by the outcome", async () => {
    let rolls = 0;
    const { sandbox, env } = await testSandbox({
      faults: {
        rate: 0.5,
        status: 503,
        retryAfterSeconds: 0,
        routes: ["GET /agents/v2/executions/{executionId}"],
      },
      random: () => (rolls++ < 9 ? 0 : 0.99),
    });
    const { agent, pool } = runTarget(sandbox);
    const id = (await agentdeck(["run", agent, "--pool", pool, "-q"], { env })).out.trim();
    const result = await agentdeck(["executions", "watch", id, "--interval", "0.02", "-q"], { env });
    expect(result).toEqual({ code: 0, out: `${id}\n`, err: "" });
    expect(rolls).toBeGreaterThan(9);
  });

  test("a poll no retry can cure ends the wait with its exit code", async () => {
    const { env } = await testSandbox();
    const missing = "0d6f8a2c-4e1b-4c3d-9a5f-7b9d1e3f5a70";
    const result = await agentdeck(["executions", "watch", missing, "--interval", "0.02"], { env });
    expect(result.code).toBe(4);
    expect(result.err).toMatch(
      /^agentdeck: not found \(404\): .*Check the id: the list commands show them\.\n$/,
    );
  });

  test("watch --timeout gives up with exit 9 and says the run goes on", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent, pool } = runTarget(sandbox);
    const id = (
      await agentdeck(["run", agent, "--pool", pool, "--input", "awaitConfirmation:=true", "-q"], { env })
    ).out.trim();
    const result = await agentdeck(["executions", "watch", id, "--timeout", "200ms", "--interval", "0.02"], {
      env,
    });
    expect(result.code).toBe(9);
    expect(result.err).toMatch(
      new RegExp(
        `^agentdeck: execution ${id} did not finish within --timeout 200ms \\(last status: \\w+\\); it goes on\\. Keep watching with: agentdeck executions watch ${id}\\n$`,
      ),
    );
  });
});

describe("run", () => {
  test("types inputs as httpie does, lays --input over --inputs-file, and attaches the options", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent, pool } = runTarget(sandbox);
    const { out, code } = await agentdeck(
      [
        "run",
        agent,
        "--pool",
        pool,
        "--inputs-file",
        "-",
        "--input",
        "city=Lisbon",
        "--input",
        "nights:=3",
        "--input",
        'tags:=["a","b"]',
        "--input",
        "note=a:=b",
        "--soft-timeout",
        "5",
        "--json",
      ],
      { env, stdin: '{"city": "Porto", "budget": 200}' },
    );
    expect(code).toBe(0);
    const execution = sandbox.store.executions.get(JSON.parse(out).executionId);
    expect(execution?.inputs).toEqual({
      city: "Lisbon",
      budget: 200,
      nights: 3,
      tags: ["a", "b"],
      note: "a:=b",
    });
    expect(execution?.executionOptions).toEqual({ softTimeoutMins: 5 });
  });

  test("bad inputs are usage errors that say what is allowed, before anything is sent", async () => {
    const cases: [string[], string][] = [
      [
        ["--input", "nights:=three"],
        'agentdeck: --input "nights:=…": what follows := must be JSON, such as 3, true, "text", [1,2] or {"a":1}.\n',
      ],
      [
        ["--input", "city"],
        'agentdeck: --input "city" must be KEY=TEXT or KEY:=JSON, such as --input city=Lisbon or --input nights:=3.\n',
      ],
      [
        ["--metadata", "team"],
        'agentdeck: --metadata "team" must be KEY=VALUE, such as --metadata team=growth.\n',
      ],
    ];
    const { env } = await testSandbox();
    for (const [flags, message] of cases) {
      const pool = ["--pool", "9b2e4c6a-1d3f-4a5b-8c7d-2e4f6a8b0c1d"];
      expect(
        await agentdeck(["run", "3a7c9e1b-5d2f-4b6a-8e0c-1f3b5d7a9c2e", ...pool, ...flags], { env }),
      ).toEqual({
        code: 2,
        out: "",
        err: message,
      });
    }
  });

  test("a pool with no free profile exits 6", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent } = runTarget(sandbox);
    const empty = sandbox.store.addPool({ name: "Empty" });
    const result = await agentdeck(["run", agent, "--pool", empty.id], { env });
    expect(result.code).toBe(6);
  });
});

describe("registry", () => {
  test("create, retire, reinstate and list; retiring twice exits 6", async () => {
    const { env } = await testSandbox();
    const created = JSON.parse(
      (
        await agentdeck(
          ["registry", "agents", "create", "cli-agent", "--description", "made by a test", "--json"],
          { env },
        )
      ).out,
    );
    expect(created).toMatchObject({ name: "cli-agent", status: "pending", description: "made by a test" });
    const retired = await agentdeck(["registry", "agents", "retire", created.id, "--json"], { env });
    expect(JSON.parse(retired.out)).toMatchObject({ status: "retired" });
    expect((await agentdeck(["registry", "agents", "retire", created.id], { env })).code).toBe(6);
    const back = await agentdeck(["registry", "agents", "reinstate", created.id], { env });
    expect(back.out).toContain("status\tpending");
    const all = await agentdeck(["registry", "agents", "list", "--all", "--page-size", "2", "--quiet"], {
      env,
    });
    expect(all.out.trim().split("\n")).toHaveLength(6);
  });

  test("the same idempotency key registers one agent, however often it is sent", async () => {
    const { env } = await testSandbox();
    const first = await agentdeck(
      ["registry", "agents", "create", "once", "--idempotency-key", "deploy-42", "-q"],
      { env },
    );
    const again = await agentdeck(
      ["registry", "agents", "create", "once", "--idempotency-key", "deploy-42", "-q"],
      { env },
    );
    expect(again.out).toBe(first.out);
  });

  test("without a registry token, exit 3 and how to set one", async () => {
    const { sandbox } = await testSandbox();
    const env = sandboxEnv(sandbox, { AGENT_REGISTRY_TOKEN: "" });
    expect(await agentdeck(["registry", "agents", "list"], { env })).toEqual({
      code: 3,
      out: "",
      err: "agentdeck: no registry token is configured: set AGENT_REGISTRY_TOKEN, or save one with `agentdeck config set registryToken`.\n",
    });
  });
});

describe("context", () => {
  test("shows the user and their organizations", async () => {
    const { sandbox, env } = await testSandbox();
    const json = JSON.parse((await agentdeck(["context", "--json"], { env })).out);
    expect(json.organizations[0].id).toBe(sandbox.organizationId);
    expect((await agentdeck(["context", "-q"], { env })).out).toBe(`${sandbox.organizationId}\n`);
  });
});
