import { describe, expect, test } from "vitest";
import { agentdeck } from "../test/run.ts";
import { testSandbox } from "../test/sandbox-env.ts";

async function created(env: Record<string, string>, ...flags: string[]): Promise<string> {
  const result = await agentdeck(["registry", "agents", "create", "cli-agent", ...flags, "-q"], { env });
  expect(result.code, result.err).toBe(0);
  return result.out.trim();
}

describe("registry agents", () => {
  test("list shows summaries (no counts); get --counts adds them; --sort=-id is newest first", async () => {
    const { env } = await testSandbox();
    const id = await created(env);
    const page = JSON.parse((await agentdeck(["registry", "agents", "list", "--json"], { env })).out);
    expect(page.items.every((agent: object) => !("instance_counts" in agent))).toBe(true);
    const newest = await agentdeck(["registry", "agents", "list", "--sort=-id", "--page-size", "1", "-q"], {
      env,
    });
    expect(newest.out).toBe(`${id}\n`);
    expect((await agentdeck(["registry", "agents", "get", id], { env })).out).not.toContain("instances");
    const counted = await agentdeck(["registry", "agents", "get", id, "--counts"], { env });
    expect(counted.out).toContain("instances\t0 active, 0 pending, 0 finished, 0 in all\n");
  });

  test("a sort the registry does not know is refused while the flags are read", async () => {
    const result = await agentdeck(["registry", "agents", "list", "--sort", "inserted_at"]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("Allowed choices are name, -name, id, -id, status, -status");
  });

  test("show finds an agent by its external id; a missing one exits 4", async () => {
    const { env } = await testSandbox();
    const id = await created(env, "--external-id", "crm-42");
    expect(
      (await agentdeck(["registry", "agents", "show", "--external-id", "crm-42", "-q"], { env })).out,
    ).toBe(`${id}\n`);
    expect((await agentdeck(["registry", "agents", "show", "--external-id", "crm-43"], { env })).code).toBe(
      4,
    );
    expect((await agentdeck(["registry", "agents", "show"], { env })).err).toBe(
      "agentdeck: required option '--external-id <id>' not specified. Run agentdeck registry agents show --help for the usage.\n",
    );
  });

  test("update changes only the fields given, and an empty value clears one", async () => {
    const { env } = await testSandbox();
    const id = await created(env, "--description", "first words");
    const renamed = await agentdeck(["registry", "agents", "update", id, "--name", "renamed", "--json"], {
      env,
    });
    expect(JSON.parse(renamed.out)).toMatchObject({ name: "renamed", description: "first words" });
    const cleared = await agentdeck(["registry", "agents", "update", id, "--description", "", "--json"], {
      env,
    });
    expect(JSON.parse(cleared.out)).toMatchObject({ name: "renamed", description: null });
    expect(await agentdeck(["registry", "agents", "update", id], { env })).toEqual({
      code: 2,
      out: "",
      err: "agentdeck: nothing to change: give --name, --description, --risk-profile, --team or --owner.\n",
    });
    const bad = await agentdeck(["registry", "agents", "update", id, "--team", "nope"], { env });
    expect(bad.code).toBe(5);
    expect(bad.err).toContain("team_id: must be a PFID");
  });

  test("delete needs --yes where nobody can answer; on a terminal it asks, and only yes deletes", async () => {
    const { sandbox, env } = await testSandbox();
    const id = await created(env);
    await agentdeck(["registry", "agents", "retire", id], { env });
    expect(await agentdeck(["registry", "agents", "delete", id], { env })).toEqual({
      code: 2,
      out: "",
      err: `agentdeck: deleting registry agent ${id}: nobody is at a terminal to confirm it; pass --yes to go ahead.\n`,
    });
    const declined = await agentdeck(["registry", "agents", "delete", id], {
      env,
      tty: true,
      stdinTty: true,
      stdin: "n\n",
    });
    expect(declined).toMatchObject({
      code: 1,
      err: "agentdeck: nothing was done: the answer was not yes.\n",
    });
    expect(sandbox.store.registry.get(id)).toBeDefined();
    const agreed = await agentdeck(["registry", "agents", "delete", id, "-q"], {
      env,
      tty: true,
      stdinTty: true,
      stdin: "yes\n",
    });
    expect(agreed).toMatchObject({ code: 0, out: `${id}\n` });
    expect(sandbox.store.registry.get(id)).toBeUndefined();
  });

  test("delete --yes deletes without asking; an agent not retired exits 6", async () => {
    const { env } = await testSandbox();
    const id = await created(env);
    const refused = await agentdeck(["registry", "agents", "delete", id, "--yes"], { env });
    expect(refused.code).toBe(6);
    await agentdeck(["registry", "agents", "retire", id], { env });
    const deleted = await agentdeck(["registry", "agents", "delete", id, "--yes", "--json"], { env });
    expect(JSON.parse(deleted.out)).toMatchObject({ id, status: "retired" });
    expect((await agentdeck(["registry", "agents", "get", id], { env })).code).toBe(4);
  });
});
