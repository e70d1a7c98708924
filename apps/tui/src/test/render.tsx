import type { Client } from "@agentdeck/core";
import { render } from "ink-testing-library";
import { themeFor } from "../common/theme.ts";
import { App, type AppProps } from "../shell/App.tsx";
import type { TabId } from "../shell/TabBar.tsx";

/** Key sequences as a terminal sends them. */
export const KEY = {
  up: "\u001b[A",
  down: "\u001b[B",
  right: "\u001b[C",
  left: "\u001b[D",
  pageUp: "\u001b[5~",
  pageDown: "\u001b[6~",
  home: "\u001b[H",
  end: "\u001b[F",
  enter: "\r",
  escape: "\u001b",
  tab: "\t",
  shiftTab: "\u001b[Z",
  backspace: "\u007f",
  delete: "\u001b[3~",
  ctrlD: "\u0004",
  ctrlS: "\u0013",
  ctrlU: "\u0015",
} as const;

/** How long `waitFor` waits for a frame before it fails, with the frame in the message. */
const WAIT_MS = 8000;

/** The UI rendered into a virtual terminal, with helpers to type and to wait for what it shows. */
export type RenderedApp = {
  /** The newest frame, as the terminal shows it. */
  frame: () => string;
  waitFor: (check: string | RegExp | ((frame: string) => boolean), what?: string) => Promise<string>;
  /** Sends keys, one write each, as separate key presses. */
  press: (...keys: string[]) => void;
  /** Types text as one chunk, as a fast typist or a paste delivers it. */
  type: (text: string) => void;
  resize: (columns: number, rows: number) => void;
  /** How many key listeners the app has on stdin (none once it has exited). */
  inputListeners: () => number;
  unmount: () => void;
};

/**
 * Renders the whole app on `client` in a virtual terminal of `columns` × `rows`, as a user
 * would see it; the terminal's size is set before the first wait, so frames are deterministic.
 */
export function renderApp(
  client: Client,
  options: Partial<AppProps> & { columns?: number; rows?: number; tab?: TabId } = {},
): RenderedApp {
  const { columns = 120, rows = 30, tab, ...props } = options;
  const instance = render(
    <App
      client={client}
      environment="sandbox"
      registry={true}
      theme={themeFor({ colour: false })}
      {...(tab ? { initialTab: tab } : {})}
      {...props}
    />,
  );
  resize(instance.stdout, columns, rows);

  const frame = () => instance.lastFrame() ?? "";

  /** Waits until `check` holds for the newest frame (polling, never a fixed sleep). */
  const waitFor = async (check: string | RegExp | ((frame: string) => boolean), what?: string) => {
    const test =
      typeof check === "function"
        ? check
        : (text: string) => (typeof check === "string" ? text.includes(check) : check.test(text));
    const deadline = Date.now() + WAIT_MS;
    while (!test(frame())) {
      if (Date.now() > deadline) {
        throw new Error(`Timed out waiting for ${what ?? String(check)}. Last frame:\n${frame()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return frame();
  };

  const press = (...keys: string[]) => {
    for (const key of keys) instance.stdin.write(key);
  };

  return {
    frame,
    waitFor,
    press,
    type: (text: string) => instance.stdin.write(text),
    resize: (newColumns: number, newRows: number) => resize(instance.stdout, newColumns, newRows),
    inputListeners: () => instance.stdin.listenerCount("readable"),
    unmount: instance.unmount,
  };
}

function resize(stdout: ReturnType<typeof render>["stdout"], columns: number, rows: number) {
  Object.defineProperty(stdout, "columns", { value: columns, configurable: true });
  Object.defineProperty(stdout, "rows", { value: rows, configurable: true });
  stdout.emit("resize");
}

/** The line of `frame` holding the cursor (drawn with `›` at the start of a row). */
export function selectedLine(frame: string): string | undefined {
  return frame.split("\n").find((line) => line.startsWith("›"));
}
