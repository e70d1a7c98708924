import { useSyncExternalStore } from "react";

/**
 * A value outside React that key handlers read and change synchronously, and that components
 * draw. Keys arrive in bursts faster than React renders (a held `j`, `nFast pool`): each key
 * must see what the keys before it did, so state that keys change lives here, not in a component.
 */
export class Store<S> {
  #state: S;
  readonly #listeners = new Set<() => void>();

  constructor(initial: S) {
    this.#state = initial;
  }

  /** The current value. */
  readonly get = (): S => this.#state;

  /** Replaces the value; listeners hear of it only when it changed. */
  readonly set = (next: S): void => {
    if (Object.is(next, this.#state)) return;
    this.#state = next;
    for (const listener of this.#listeners) listener();
  };

  /** Changes the value with `change(current)`. */
  readonly update = (change: (current: S) => S): void => this.set(change(this.#state));

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
}

/** The store's value, drawn again whenever it changes. */
export function useStore<S>(store: Store<S>): S {
  return useSyncExternalStore(store.subscribe, store.get);
}
