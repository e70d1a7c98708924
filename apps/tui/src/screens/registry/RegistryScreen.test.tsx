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
