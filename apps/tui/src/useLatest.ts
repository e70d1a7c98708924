import { useRef } from "react";

/**
 * A ref that holds the latest rendered `value`, and that a key handler updates as it goes. Keys
 * that arrive in one burst (three Backspaces, `jjj`) are handled one after another before React
 * renders again, so a handler must not read state from its closure: each key would see the state
 * from before the burst and all but one of them would be lost.
 */
export function useLatest<T>(value: T) {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
