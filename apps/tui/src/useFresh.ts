import { useEffect, useEffectEvent, useState } from "react";
import { isAbort } from "./errorMessage.ts";

/**
 * A value shown at once from what is known (a list row), then replaced by a fresh copy from the
 * server; a failed fetch keeps what is shown and reports.
 */
export function useFresh<T>(
  known: T,
  key: string,
  fetch: (signal: AbortSignal) => Promise<T>,
  onError: (error: unknown) => void,
): T {
  const [value, setValue] = useState(known);
  const load = useEffectEvent((signal: AbortSignal) => fetch(signal));
  const failed = useEffectEvent((error: unknown) => onError(error));
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (fresh) => {
        if (!controller.signal.aborted) setValue(fresh);
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) failed(error);
      },
    );
    return () => controller.abort();
  }, [key]);
  return value;
}
