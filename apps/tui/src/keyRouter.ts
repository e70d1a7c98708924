import type { Key } from "ink";
import { createContext, useContext, useEffect, useState } from "react";

type Entry = { readonly handle: (input: string, key: Key) => void; readonly active: () => boolean };

/**
 * Where key handlers are registered: App's one `useInput` hands every key to each active handler,
 * in the order the handlers first rendered.
 */
export type KeyRouter = Map<object, Entry>;

export const KeyRouterContext = createContext<KeyRouter | null>(null);

/**
 * Hands one key to every handler that is active when it arrives. Who is active is settled before
 * any handler runs, so a key that closes a prompt is not also taken by the view behind it.
 */
export function routeKey(router: KeyRouter, input: string, key: Key): void {
  const active = [...router.values()].filter((entry) => entry.active());
  for (const entry of active) entry.handle(input, key);
}

/**
 * Like Ink's `useInput`, but the handler is in place as soon as the component has rendered, not
 * after its effects have run: a form that is on screen takes the very next key. `active` may be a
 * function, read when the key arrives, so it can look at refs that keys before it just changed.
 */
export function useKeyHandler(handle: (input: string, key: Key) => void, active: boolean | (() => boolean)) {
  const router = useContext(KeyRouterContext);
  if (router === null) throw new Error("useKeyHandler() must be used inside <App>");
  const [token] = useState(() => ({}));
  // Registered while rendering, on purpose: each render replaces the entry with the newest handler.
  router.set(token, { handle, active: typeof active === "function" ? active : () => active });
  useEffect(() => () => void router.delete(token), [router, token]);
}
