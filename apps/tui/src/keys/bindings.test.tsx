import { render } from "ink-testing-library";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HelpOverlay } from "../shell/HelpOverlay.tsx";
import { KEY, renderApp, selectedLine } from "../test/render.tsx";
import { startBackend, type TestBackend } from "../test/sandbox.ts";
import { type Binding, resolveBindings } from "./binding.ts";
import { HintLine, hintRuns } from "./HintLine.tsx";

// biome-ignore lint/suspicious/noControlCharactersInRegex: reading styles out of a frame
const plain = (frame: string) => frame.replace(/\u001b\[[0-9;]*m/g, "");

type Context = { readonly ended: boolean };
const TABLE: readonly Binding<Context>[] = [
  {
    keys: ["p"],
    description: "pause the run",
    hint: "pause",
    disabledReason: (c) => (c.ended ? "it has ended" : undefined),
    handler: () => {},
  },
  { keys: ["m"], description: "send a message", hint: "message", handler: () => {} },
  { keys: ["j", "down"], description: "scroll down", handler: () => {} },
  { keys: ["ctrl+d"], description: "half a screen down", handler: () => {}, when: (c) => !c.ended },
];

describe("bindings", () => {
  test("the hint line and the help come from the same table", () => {
    const bindings = resolveBindings(TABLE, { ended: false });
    const hints = plain(render(<HintLine bindings={bindings} width={80} />).lastFrame() ?? "");
    const help = plain(
      render(
        <HelpOverlay groups={[{ title: "Run", bindings }]} width={80} height={20} offset={0} />,
      ).lastFrame() ?? "",
    );
    expect(hints).toBe("p pause · m message");
    for (const binding of TABLE) expect(help).toContain(binding.description);
    expect(help).toMatch(/j ↓\s+scroll down/);
    expect(help).toMatch(/Ctrl\+D\s+half a screen down/);
  });

  test("an action that cannot be done now is dimmed in the hints and gives its reason in the help; one that does not apply is hidden", () => {
    const bindings = resolveBindings(TABLE, { ended: true });
    // The hint line draws the runs that cannot be done now dim and struck through.
    expect(hintRuns(bindings, 80)).toEqual([
      { text: "p pause", off: true },
      { text: " · m message", off: false },
    ]);
    expect(plain(render(<HintLine bindings={bindings} width={80} />).lastFrame() ?? "")).toBe(
      "p pause · m message",
    );
    const help = plain(
      render(
        <HelpOverlay groups={[{ title: "Run", bindings }]} width={80} height={20} offset={0} />,
      ).lastFrame() ?? "",
    );
    expect(help).toMatch(/p\s+pause the run\n\s+not now: it has ended/);
    expect(help).not.toContain("half a screen down");
  });
});

describe("bindings in the app", () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startBackend();
  });
  afterAll(async () => {
    await backend.sandbox.close();
  });

  test("in the monitor of a finished run, p says why it cannot pause, and so does the help", async () => {
    const app = renderApp(backend.client, { tab: "executions", rows: 40 });
    await app.waitFor(/\d+ executions/);
    // Open a finished run: the first completed one of the list.
    app.press("f", "f", "f", "f", "f");
    await app.waitFor(
      (f) =>
        plain(f).includes("status completed") && (selectedLine(plain(f))?.includes("completed") ?? false),
    );
    app.press(KEY.enter);
    await app.waitFor((f) => plain(f).includes("● completed"));
    app.press("p");
    await app.waitFor((f) => plain(f).includes("Cannot pause: the execution has ended (completed)."));
    app.press("?");
    const help = plain(await app.waitFor((f) => plain(f).includes("Execution monitor")));
    expect(help).toMatch(/p\s+pause the execution/);
    expect(help).toContain("not now: the execution has ended (completed)");
    app.unmount();
  });
});
