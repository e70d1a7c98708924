import { Store } from "../common/store.ts";

/** A line at the bottom of the screen: what just happened, or what went wrong and what to do. */
export type Message = { readonly kind: "error" | "warning" | "info"; readonly text: string };

/** Who raised a message: a view (by id), or the app itself (start-up warnings, the organization). */
export type Owner = number | "app";

/**
 * The messages on hand, one per owner. The message line shows the one of the view that has the
 * keys (else the app's), so a message never outlives the view it is about: closing the view, or
 * going to another tab, takes it away.
 */
export class Messages {
  readonly store = new Store<ReadonlyMap<Owner, Message>>(new Map());

  say(owner: Owner, message: Message): void {
    const next = new Map(this.store.get());
    next.set(owner, message);
    this.store.set(next);
  }

  clear(owner: Owner, kind?: Message["kind"]): void {
    const current = this.store.get().get(owner);
    if (current === undefined || (kind !== undefined && current.kind !== kind)) return;
    const next = new Map(this.store.get());
    next.delete(owner);
    this.store.set(next);
  }

  /** The message to show when `owner` has the keys. */
  shown(owner: Owner | undefined): Message | undefined {
    const all = this.store.get();
    return (owner === undefined ? undefined : all.get(owner)) ?? all.get("app");
  }
}
