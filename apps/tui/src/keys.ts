import type { Key } from "ink";

/**
 * A key press: `name` is what bindings match (a printable character as itself, such as `j`, `G`
 * or `?`; special keys by name: `up`, `pagedown`, `enter`, `esc`, `tab`, `shift+tab`,
 * `backspace`; modified keys with a prefix: `ctrl+c`), `text` is what it would type. A pasted or
 * coalesced chunk of several characters has no name, only text.
 */
export type KeyPress = { readonly name: string; readonly text: string };

function special(name: string): KeyPress {
  return { name, text: "" };
}

/** Names one press of Ink's `useInput`. */
export function keyPress(input: string, key: Key): KeyPress {
  if (key.upArrow) return special("up");
  if (key.downArrow) return special("down");
  if (key.leftArrow) return special("left");
  if (key.rightArrow) return special("right");
  if (key.pageUp) return special("pageup");
  if (key.pageDown) return special("pagedown");
  if (key.home) return special("home");
  if (key.end) return special("end");
  if (key.return || input === "\r" || input === "\n") return special("enter");
  if (key.escape) return special("esc");
  if (key.tab) return special(key.shift ? "shift+tab" : "tab");
  if (key.backspace) return special("backspace");
  if (key.delete) return special("delete");
  if (key.ctrl && input) return special(`ctrl+${input.toLowerCase()}`);
  if (key.meta && input) return special(`meta+${input}`);
  return { name: [...input].length === 1 ? input : "", text: input };
}

/**
 * The key presses in one chunk of input. Keys sent faster than the terminal reports them arrive
 * together (`\t\t`, `abc\r`): Tab and Enter inside a chunk count as keys of their own, the text
 * between them as typed text.
 */
export function keyPresses(input: string, key: Key): KeyPress[] {
  const single = keyPress(input, key);
  if (single.name !== "" || !/[\t\r\n]/.test(input)) return [single];
  return input
    .split(/(\t|\r\n|\r|\n)/)
    .filter((part) => part !== "")
    .map((part) => {
      if (part === "\t") return special("tab");
      if (/^[\r\n]+$/.test(part)) return special("enter");
      return { name: [...part].length === 1 ? part : "", text: part };
    });
}

/**
 * The single key presses in a press: a chunk of characters typed faster than the terminal
 * reports them (`jjj`) counts as each of its characters, so navigation never drops a key.
 */
export function singleKeys(press: KeyPress): KeyPress[] {
  if (press.name !== "" || press.text === "") return [press];
  return [...press.text].map((ch) => ({ name: ch, text: ch }));
}

/** An Ink key with no flag set: a plain character. */
export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

const SPECIAL_FLAGS: Record<string, Partial<Key>> = {
  up: { upArrow: true },
  down: { downArrow: true },
  left: { leftArrow: true },
  right: { rightArrow: true },
  pageup: { pageUp: true },
  pagedown: { pageDown: true },
  home: { home: true },
  end: { end: true },
  enter: { return: true },
  esc: { escape: true },
  tab: { tab: true },
  "shift+tab": { tab: true, shift: true },
  backspace: { backspace: true },
  delete: { delete: true },
};

/** The arguments Ink's `useInput` would pass for `press`, so a press can be handed on as if typed alone. */
export function toInk(press: KeyPress): [input: string, key: Key] {
  const flags = SPECIAL_FLAGS[press.name];
  if (flags) return [press.name === "enter" ? "\r" : "", { ...NO_KEY, ...flags }];
  const modified = /^(ctrl|meta)\+(.+)$/.exec(press.name);
  if (modified) return [modified[2] ?? "", { ...NO_KEY, [modified[1] as "ctrl" | "meta"]: true }];
  return [press.text, { ...NO_KEY, shift: /^[A-Z]$/.test(press.text) }];
}

/** A key binding: what it does, which keys trigger it, and how the help overlay shows them. */
export type Binding<A extends string = string> = {
  readonly action: A;
  readonly keys: readonly string[];
  readonly label: string;
  readonly help: string;
};

function bind<const A extends string>(action: A, keys: readonly string[], label: string, help: string) {
  return { action, keys, label, help } as const satisfies Binding<A>;
}

/** Keys that work wherever nothing is being typed. */
export const GLOBAL_KEYS = [
  bind("tab1", ["1"], "1", "Pools"),
  bind("tab2", ["2"], "2", "Agents"),
  bind("tab3", ["3"], "3", "Executions"),
  bind("tab4", ["4"], "4", "Registry"),
  bind("nextTab", ["tab"], "Tab", "next tab"),
  bind("previousTab", ["shift+tab"], "Shift+Tab", "previous tab"),
  bind("help", ["?"], "?", "this help (Esc or ? closes it)"),
  bind("quit", ["q", "ctrl+c"], "q  Ctrl+C", "quit (a letter while typing)"),
] as const;

/** Keys of every list. */
export const LIST_KEYS = [
  bind("down", ["j", "down"], "j  ↓", "down (past the last row: next page)"),
  bind("up", ["k", "up"], "k  ↑", "up (past the first row: previous page)"),
  bind("top", ["g", "home"], "g  Home", "first row of the list"),
  bind("bottom", ["G", "end"], "G  End", "last row of the list"),
  bind("previousPage", ["[", "pageup"], "[  PgUp", "previous page"),
  bind("nextPage", ["]", "pagedown"], "]  PgDn", "next page"),
  bind("filter", ["/"], "/", "filter by name (Enter keeps, Esc clears)"),
  bind("escape", ["esc"], "Esc", "clear filter / close / dismiss message"),
  bind("sort", ["s"], "s", "cycle the sort field"),
  bind("direction", ["S"], "S", "flip the sort direction"),
  bind("open", ["enter"], "Enter", "open the selected row"),
  bind("refresh", ["R"], "R", "refresh"),
] as const;

export const POOL_KEYS = [
  bind("create", ["n"], "n", "new pool"),
  bind("edit", ["e"], "e", "edit the selected pool"),
  bind("run", ["x"], "x", "run an agent with the selected pool"),
] as const;

export const AGENT_KEYS = [bind("run", ["x", "enter"], "x  Enter", "run the selected agent")] as const;

export const EXECUTION_KEYS = [
  bind("statusFilter", ["f"], "f", "cycle the status filter"),
  bind("open", ["enter"], "Enter", "open the execution monitor"),
] as const;

export const REGISTRY_KEYS = [
  bind("create", ["n"], "n", "register an agent"),
  bind("retire", ["t"], "t", "retire (where allowed; asks y/n)"),
  bind("reinstate", ["u"], "u", "reinstate (where allowed; asks y/n)"),
] as const;

export const MONITOR_KEYS = [
  bind("pause", ["p"], "p", "pause"),
  bind("resume", ["r"], "r", "resume"),
  bind("cancel", ["c"], "c", "cancel (asks y/n)"),
  bind("message", ["m"], "m", "send the agent a message"),
  bind("scrollDown", ["j", "down"], "j  ↓", "scroll the activity feed down"),
  bind("scrollUp", ["k", "up"], "k  ↑", "scroll the activity feed up"),
  bind("follow", ["G", "end"], "G  End", "follow the newest activity"),
  bind("oldest", ["g", "home"], "g  Home", "oldest activity"),
  bind("refresh", ["R"], "R", "refresh now"),
  bind("close", ["esc"], "Esc", "back to the list"),
] as const;

export const FORM_KEYS = [
  bind("next", ["tab", "down"], "Tab  ↓", "next field"),
  bind("previous", ["shift+tab", "up"], "Shift+Tab  ↑", "previous field"),
  bind("submit", ["enter"], "Enter", "submit (new line in rows, pick in a picker)"),
  bind("cycle", ["left", "right", " "], "←  →  Space", "change a choice"),
  bind("close", ["esc"], "Esc", "close the form"),
] as const;

/** Every group of keys, in the order the help overlay lists them. */
export const KEY_GROUPS: readonly { title: string; bindings: readonly Binding[] }[] = [
  { title: "Everywhere", bindings: GLOBAL_KEYS },
  { title: "Lists", bindings: LIST_KEYS },
  { title: "Pools", bindings: POOL_KEYS },
  { title: "Agents", bindings: AGENT_KEYS },
  { title: "Executions", bindings: EXECUTION_KEYS },
  { title: "Registry", bindings: REGISTRY_KEYS },
  { title: "Execution monitor", bindings: MONITOR_KEYS },
  { title: "Forms", bindings: FORM_KEYS },
];

/** The action bound to `name` among `bindings`, if any. */
export function actionFor<B extends Binding>(bindings: readonly B[], name: string): B["action"] | undefined {
  return bindings.find((b) => b.keys.includes(name))?.action;
}
