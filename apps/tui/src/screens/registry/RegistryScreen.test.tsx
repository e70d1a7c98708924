import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { KEY, renderApp, selectedLine } from "../../test/render.tsx";
import { startBackend, type TestBackend } from "../../test/sandbox.ts";

let backend: TestBackend;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(async () => {
  await backend.sandbox.close();
});

async function openRegistry() {
  const app = renderApp(backend.client, { tab: "registry" });
  await app.waitFor(/\d+ registered agents/);
  return app;
}

/** Filters the registry page to one agent and waits until it is selected. */
async function select(app: Awaited<ReturnType<typeof openRegistry>>, name: string) {
  app.press("/");
  app.type(name);
  app.press(KEY.enter);
  await app.waitFor((f) => selectedLine(f)?.includes(name) ?? false);
}

describe("the Registry tab", () => {
  test("lists registered agents with their status (a list answers no instance counts)", async () => {
    const app = await openRegistry();
    const frame = app.frame();
    expect(frame).toMatch(/NAME ▲\s+STATUS\s+INSTANCES\s+UPDATED/);
    expect(frame).toMatch(/invoice-downloader\s+active\s+–/);
    expect(frame).toMatch(/legacy-scraper\s+retired/);
    app.unmount();
  });

  test("n registers an agent, marking an empty name before anything is sent", async () => {
    const name = `scout-${Math.random().toString(36).slice(2, 8)}`;
    const app = await openRegistry();
    app.press("n");
    await app.waitFor("Register an agent");
    app.press(KEY.enter);
    await app.waitFor("must be 1 to 255 characters");
    app.type(name);
    app.press(KEY.tab);
    app.type("Finds new suppliers");
    app.press(KEY.enter);
    await app.waitFor(`Registered ${name}.`);
    await app.waitFor((f) => new RegExp(`${name}\\s+pending`).test(f));
    app.unmount();
  });

  test("t retires an agent after y, and is refused where the agent's actions do not allow it", async () => {
    const agent = await backend.client.registry.agents.create({ name: `retire-me-${Date.now()}` });
    const app = await openRegistry();
    await select(app, agent.name);
    app.press("t");
    await app.waitFor(`Retire ${agent.name}? y/n`);
    app.press("y");
    await app.waitFor(`Retired ${agent.name}.`);
    await app.waitFor(new RegExp(`${agent.name}\\s+retired`));
    app.press("t");
    await app.waitFor(`Cannot retire: ${agent.name} is retired.`);
    app.unmount();
  });

  test("u reinstates a retired agent after y, and n leaves it as it was", async () => {
    const created = await backend.client.registry.agents.create({ name: `reinstate-me-${Date.now()}` });
    await backend.client.registry.agents.retire(created.id);
    const app = await openRegistry();
    await select(app, created.name);
    app.press("u");
    await app.waitFor(`Reinstate ${created.name}? y/n`);
    app.press("n");
    await app.waitFor((f) => !f.includes("? y/n"));
    expect(app.frame()).toMatch(new RegExp(`${created.name}\\s+retired`));
    app.press("u", "y");
    await app.waitFor(`Reinstated ${created.name}.`);
    await app.waitFor((f) => !new RegExp(`${created.name}\\s+retired`).test(f));
    app.unmount();
  });

  test("Enter opens the agent's detail, fetched fresh; its keys work there and Esc goes back", async () => {
    const agent = await backend.client.registry.agents.create({
      name: `detail-${Date.now()}`,
      description: "Reads",
    });
    const app = await openRegistry();
    await select(app, agent.name);
    app.press(KEY.enter);
    await app.waitFor(`Registered agent ${agent.name}`);
    expect(app.frame()).toMatch(/about\s+Reads/);
    app.press("t");
    await app.waitFor(`Retire ${agent.name}? y/n`);
    app.press("n");
    await app.waitFor((f) => !f.includes("? y/n") && f.includes(`Registered agent ${agent.name}`));
    app.press("t", "y");
    await app.waitFor(`Retired ${agent.name}.`);
    await app.waitFor(/status\s+retired/);
    expect(app.frame()).toContain(`Registered agent ${agent.name}`);
    expect(app.frame()).toContain("u reinstate");
    app.press(KEY.escape);
    await app.waitFor((f) => selectedLine(f)?.includes(agent.name) ?? false);
    app.unmount();
  });

  test("e edits an agent's name and description (a PUT of what changed), shown at once in the list", async () => {
    const agent = await backend.client.registry.agents.create({
      name: `edit-me-${Date.now()}`,
      description: "Reads invoices",
    });
    const app = await openRegistry();
    await select(app, agent.name);
    app.press("e");
    await app.waitFor(`Edit ${agent.name}`);
    // Nothing changed yet: said before anything is sent.
    app.press(KEY.ctrlS);
    await app.waitFor("nothing changed: edit a field first");
    app.type("-v2");
    app.press(KEY.tab);
    for (let i = 0; i < "Reads invoices".length; i++) app.press(KEY.backspace);
    app.type("Reads receipts");
    app.press(KEY.ctrlS);
    await app.waitFor(`Saved ${agent.name}-v2.`);
    const saved = await backend.client.registry.agents.get(agent.id);
    expect(saved).toMatchObject({ name: `${agent.name}-v2`, description: "Reads receipts" });
    expect(app.frame()).toMatch(/about\s+Reads receipts/);
    app.unmount();
  });

  test("e in the detail view saves and the detail shows the agent as saved; a retired agent cannot be edited", async () => {
    const agent = await backend.client.registry.agents.create({ name: `edit-detail-${Date.now()}` });
    const app = await openRegistry();
    await select(app, agent.name);
    app.press(KEY.enter);
    await app.waitFor(`Registered agent ${agent.name}`);
    app.press("e");
    await app.waitFor(`Edit ${agent.name}`);
    app.press(KEY.tab);
    app.type("Now described");
    app.press(KEY.ctrlS);
    await app.waitFor(`Saved ${agent.name}.`);
    await app.waitFor((f) => f.includes(`Registered agent ${agent.name}`) && /about\s+Now described/.test(f));
    app.press("t", "y");
    await app.waitFor(/status\s+retired/);
    app.press("e");
    await app.waitFor(`Cannot edit: ${agent.name} is retired; reinstate it first.`);
    expect(app.frame()).not.toContain(`Edit ${agent.name}`);
    app.unmount();
  });

  test("d deletes a retired agent after y; an agent not retired says why it cannot be", async () => {
    const agent = await backend.client.registry.agents.create({ name: `delete-me-${Date.now()}` });
    const app = await openRegistry();
    await select(app, agent.name);
    // The hint line dims it, and pressing it says why: only a retired agent can be deleted.
    app.press("d");
    await app.waitFor(`Cannot delete: ${agent.name} is pending; retire it first.`);
    app.press("t", "y");
    await app.waitFor(new RegExp(`${agent.name}\\s+retired`));
    app.press(KEY.enter);
    await app.waitFor(`Registered agent ${agent.name}`);
    app.press("d");
    await app.waitFor(`Delete ${agent.name}? It cannot be undone. y/n`);
    app.press("n");
    await app.waitFor((f) => !f.includes("? It cannot be undone"));
    await expect(backend.client.registry.agents.get(agent.id)).resolves.toMatchObject({ status: "retired" });
    app.press("d", "y");
    // The detail of an agent that is gone closes; the list no longer has it.
    await app.waitFor(`Deleted ${agent.name}.`);
    await app.waitFor(`no registered agents match "${agent.name}"`);
    await expect(backend.client.registry.agents.get(agent.id)).rejects.toMatchObject({ status: 404 });
    app.unmount();
  });

  test("without a registry token it says how to configure one", async () => {
    const app = renderApp(backend.client, { tab: "registry", registry: false });
    await app.waitFor("Set AGENT_REGISTRY_TOKEN");
    // Nor do its keys do anything: there is no registry to register with.
    app.press("n", "/");
    app.press("1");
    await app.waitFor(/\d+ pools/);
    expect(app.frame()).not.toContain("Register an agent");
    app.unmount();
  });
});
