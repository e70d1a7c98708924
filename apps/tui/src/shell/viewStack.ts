import type { ApiName } from "@agentdeck/core";
import type { ReactNode } from "react";
import { Store } from "../common/store.ts";
import type { Binding, ResolvedBinding } from "../keys/binding.ts";
import type { KeyPress } from "../keys/keyPress.ts";
import type { Reporter, Session } from "./session.ts";

/** The cells a view may draw in. */
export type Area = { readonly width: number; readonly height: number };

/** What a view's key handlers (and its drawing) get: its state, a way to change it, and the app. */
export type ViewContext<S> = {
  readonly id: number;
  /** The state as the keys so far left it (newer than the last render while keys arrive in a burst). */
  readonly state: S;
  readonly set: (change: (state: S) => S) => void;
  readonly stack: ViewStack;
  readonly session: Session;
  /** Messages this view raises; they go when it closes. */
  readonly report: Reporter;
  readonly area: Area;
};

/**
 * One kind of view (list, detail, form, monitor, confirm…): how it reads keys, whether it takes
 * typed text, and how it draws. Its bindings table builds its keys, its help and its hint line.
 */
export type View<S> = {
  /** What the help overlay calls it. */
  readonly title: string;
  readonly bindings: (state: S) => readonly Binding<ViewContext<S>>[];
  /** Whether printable keys are text here (so `q` or `1` is a letter, not quit or a tab). */
  readonly typing?: (state: S) => boolean;
  /** A key no binding took (text typed into a field, ← → in a choice). */
  readonly unbound?: (context: ViewContext<S>, press: KeyPress) => void;
  /** The API its requests go to, for the connection state of errors that do not say (none: only local files). */
  readonly api?: ApiName;
  /** Drawn as a line under the view below it (a question, a prompt), which stays on screen. */
  readonly overlay?: boolean;
  /** Draws the view; `bindings` is its table as it stands, for the hint line. */
  readonly Render: (props: ViewProps<S>) => ReactNode;
};

/** What a view is drawn with. */
export type ViewProps<S> = {
  readonly context: ViewContext<S>;
  /** It has the keys (the top of the stack on the tab on screen). */
  readonly focused: boolean;
  readonly bindings: readonly ResolvedBinding[];
};

/** A view on a stack, with its own state. */
// biome-ignore lint/suspicious/noExplicitAny: entries of every kind share one stack; each view reads its own state
export type Entry = { readonly id: number; readonly view: View<any>; readonly state: unknown };

let nextId = 0;

/**
 * The views of one tab, k9s's page stack: the list at the bottom, then whatever was opened from it
 * (detail → form → monitor → confirm). The top view has the keys; closing it gives them back to
 * the one below, which is as it was left.
 */
export class ViewStack {
  readonly store: Store<readonly Entry[]>;
  /** Called with the id of every view that closes (its messages go with it). */
  onClose: (id: number) => void = () => {};

  // biome-ignore lint/suspicious/noExplicitAny: the bottom view may be of any kind
  constructor(view: View<any>, state: unknown) {
    this.store = new Store<readonly Entry[]>([{ id: ++nextId, view, state }]);
  }

  get entries(): readonly Entry[] {
    return this.store.get();
  }

  top(): Entry {
    return this.entries[this.entries.length - 1] as Entry;
  }

  /** Opens `view` on top; returns its id. */
  push<S>(view: View<S>, state: S): number {
    const id = ++nextId;
    this.store.set([...this.entries, { id, view, state }]);
    return id;
  }

  /** Closes view `id` and everything above it; the bottom view never closes. */
  close(id: number): void {
    const at = this.entries.findIndex((entry) => entry.id === id);
    if (at <= 0) return;
    const closed = this.entries.slice(at);
    this.store.set(this.entries.slice(0, at));
    for (const entry of closed) this.onClose(entry.id);
  }

  /** Puts `view` in place of view `id` (and everything above it): a form that started a run becomes its monitor. */
  replace<S>(id: number, view: View<S>, state: S): number {
    const at = this.entries.findIndex((entry) => entry.id === id);
    if (at <= 0) return this.push(view, state);
    const closed = this.entries.slice(at);
    const fresh = ++nextId;
    this.store.set([...this.entries.slice(0, at), { id: fresh, view, state }]);
    for (const entry of closed) this.onClose(entry.id);
    return fresh;
  }

  /** Whether view `id` is still open. */
  has(id: number): boolean {
    return this.entries.some((entry) => entry.id === id);
  }

  /** The state of view `id`, if it is open. */
  state<S>(id: number): S | undefined {
    return this.entries.find((entry) => entry.id === id)?.state as S | undefined;
  }

  /** Changes the state of view `id`; nothing happens once it has closed. */
  update<S>(id: number, change: (state: S) => S): void {
    const entries = this.entries;
    const at = entries.findIndex((entry) => entry.id === id);
    if (at === -1) return;
    const entry = entries[at] as Entry;
    const state = change(entry.state as S);
    if (Object.is(state, entry.state)) return;
    const next = [...entries];
    next[at] = { ...entry, state };
    this.store.set(next);
  }
}
