import { useInput } from "ink";
import { type KeyPress, keyPresses, singleKeys } from "./keys.ts";

/** Calls `handler` with each key pressed while `active` (a coalesced chunk counts as its characters). */
export function useKeys(active: boolean, handler: (press: KeyPress) => void) {
  useInput(
    (input, key) => {
      for (const press of keyPresses(input, key).flatMap(singleKeys)) handler(press);
    },
    { isActive: active },
  );
}
