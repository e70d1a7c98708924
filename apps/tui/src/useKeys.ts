import { useKeyHandler } from "./keyRouter.ts";
import { type KeyPress, keyPresses, singleKeys } from "./keys.ts";

/** Calls `handler` with each key pressed while `active` (a coalesced chunk counts as its characters). */
export function useKeys(active: boolean | (() => boolean), handler: (press: KeyPress) => void) {
  useKeyHandler((input, key) => {
    for (const press of keyPresses(input, key).flatMap(singleKeys)) handler(press);
  }, active);
}
