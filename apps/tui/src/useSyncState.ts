import { useCallback, useRef, useState } from "react";

/**
 * State whose newest value can be read at once through the returned ref, even before React
 * renders again: a key handler that changes it is seen by the handler of the very next key.
 */
export function useSyncState<T>(initial: T) {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const set = useCallback((next: T) => {
    ref.current = next;
    setValue(next);
  }, []);
  return [value, set, ref] as const;
}
