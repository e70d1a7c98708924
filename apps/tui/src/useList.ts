import { useEffect, useEffectEvent, useReducer, useRef } from "react";
import { isAbort } from "./errorMessage.ts";
import { initialListState, type ListQuery, type ListState, listReducer } from "./listState.ts";

/** Fetches one page of a list from the server. */
export type PageSource<T> = (
  query: ListQuery,
  pageSize: number,
  signal: AbortSignal,
) => Promise<{ items: readonly T[]; total: number }>;

/** How long typing in the filter pauses before the server is asked. */
export const FILTER_DEBOUNCE_MS = 150;

/**
 * A server-side paged list. Only the page on screen is fetched; each change of page, filter or
 * sort aborts the request before it, and an answer that arrives after a newer request went out is
 * dropped, so an older response never overwrites a newer one.
 */
export function useList<T extends { id: string }>(
  source: PageSource<T>,
  options: {
    initial: Parameters<typeof initialListState<T>>[0];
    /** Whether to fetch at all (false while, say, the registry is not configured). */
    enabled?: boolean;
    /** Refetch the page this often while `live` is true, keeping the cursor on its row. */
    refreshEveryMs?: number;
    live?: boolean;
    onLoaded?: () => void;
    onError?: (error: unknown) => void;
  },
) {
  const [state, dispatch] = useReducer(listReducer<T>, options.initial, initialListState<T>);
  const seq = useRef(0);
  const enabled = options.enabled ?? true;

  const fetchPage = useEffectEvent((query: ListQuery, signal: AbortSignal) =>
    source(query, state.pageSize, signal),
  );
  const loaded = useEffectEvent(() => options.onLoaded?.());
  const failed = useEffectEvent((error: unknown) => options.onError?.(error));

  // Typing in the filter reaches the server after a pause; every keystroke restarts the pause.
  useEffect(() => {
    if (state.filterDraft === state.query.search) return;
    const timer = setTimeout(
      () => dispatch({ type: "applySearch", search: state.filterDraft }),
      FILTER_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [state.filterDraft, state.query.search]);

  useEffect(() => {
    if (!enabled) return;
    const mine = ++seq.current;
    const controller = new AbortController();
    dispatch({ type: "request", seq: mine });
    fetchPage(state.query, controller.signal).then(
      (page) => {
        dispatch({ type: "loaded", seq: mine, items: page.items, total: page.total, at: new Date() });
        if (!controller.signal.aborted) loaded();
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        dispatch({ type: "failed", seq: mine, error });
        failed(error);
      },
    );
    return () => controller.abort();
  }, [state.query, state.reloads, enabled]);

  const live = options.live ?? false;
  const every = options.refreshEveryMs;
  useEffect(() => {
    if (!live || every === undefined || !enabled) return;
    const timer = setInterval(() => dispatch({ type: "refresh" }), every);
    return () => clearInterval(timer);
  }, [live, every, enabled]);

  return [state, dispatch] as const;
}

export type { ListState };
