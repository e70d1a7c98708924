import { useEffect, useEffectEvent, useRef } from "react";
import { isAbort } from "../common/errorMessage.ts";
import {
  type ListAction,
  type ListQuery,
  type ListState,
  pageCount,
  queryKey,
  sameResultSet,
} from "./listState.ts";

/** One page of a list, and the count of rows that match; `note` says something about the whole list. */
export type Page<T> = { items: readonly T[]; total: number; note?: string | undefined };

/** Fetches one page of a list from the server. */
export type PageSource<T> = (query: ListQuery, pageSize: number, signal: AbortSignal) => Promise<Page<T>>;

/** How long typing in the filter pauses before the server is asked. */
export const FILTER_DEBOUNCE_MS = 30;
/** A page fetched this recently is shown as it is, without asking the server again. */
export const FRESH_MS = 5000;
/** How often a list on screen fetches its page again by itself, as k9s does. */
export const LIVE_REFRESH_MS = 5000;

type Request<T> = {
  readonly query: ListQuery;
  readonly controller: AbortController;
  readonly promise: Promise<Page<T>>;
};

/**
 * Keeps a server-side paged list (its state lives wherever `dispatch` puts it) in step with the
 * server. The page on screen is fetched when the query changes, unless a fresh copy is at hand;
 * the pages on either side are fetched ahead, so the next page is usually there before the key
 * that asks for it. A request the list no longer needs (another search or sort) is aborted, and
 * an answer to an older request never replaces a newer one. While `live`, the page is fetched
 * again every `refreshMs`, keeping the cursor on its row.
 */
export function useListData<T extends { id: string }>(
  state: ListState<T>,
  dispatch: (action: ListAction<T>) => void,
  source: PageSource<T>,
  options: {
    /** Whether to fetch at all (false while, say, the organization is not known yet). */
    readonly enabled: boolean;
    readonly live?: boolean;
    readonly refreshMs?: number;
    readonly onLoaded?: () => void;
    readonly onError?: (error: unknown) => void;
  },
) {
  const requests = useRef(new Map<string, Request<T>>());
  const seq = useRef(0);
  const fetched = useRef<{ key: string; reloads: number; source: PageSource<T> }>(undefined);
  const latest = useRef(state);
  latest.current = state;
  const loaded = useEffectEvent(() => options.onLoaded?.());
  const failed = useEffectEvent((error: unknown) => options.onError?.(error));
  const { enabled } = options;
  const key = queryKey(state.query);

  /** The request for `query`'s page: one already under way, or a new one. */
  const requestFor = useEffectEvent((query: ListQuery): Request<T> => {
    const at = queryKey(query);
    const running = requests.current.get(at);
    if (running) return running;
    const controller = new AbortController();
    const promise = source(query, state.pageSize, controller.signal);
    const request = { query, controller, promise };
    requests.current.set(at, request);
    const done = () => {
      if (requests.current.get(at) === request) requests.current.delete(at);
    };
    promise.then(done, done);
    return request;
  });

  // Typing in the filter reaches the server after a pause; every keystroke restarts the pause.
  useEffect(() => {
    if (state.filterDraft === state.query.search) return;
    const timer = setTimeout(
      () => dispatch({ type: "applySearch", search: state.filterDraft }),
      FILTER_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [state.filterDraft, state.query.search, dispatch]);

  // A new source (another client or organization) makes everything fetched so far stale.
  useEffect(() => {
    return () => {
      for (const request of requests.current.values()) request.controller.abort();
      requests.current.clear();
    };
  }, [source]);

  // The page on screen.
  useEffect(() => {
    if (!enabled) return;
    const current = latest.current;
    const last = fetched.current;
    const reload =
      last !== undefined && last.key === key && last.source === source && last.reloads !== current.reloads;
    if (last?.key === key && last.reloads === current.reloads && last.source === source) return;
    fetched.current = { key, reloads: current.reloads, source };
    const cached = current.pages.get(key);
    if (!reload && last?.source === source && cached !== undefined && Date.now() - cached.at < FRESH_MS)
      return;
    // Requests for another search or sort will not be shown: let them go.
    for (const [at, request] of requests.current) {
      if (!sameResultSet(request.query, current.query)) {
        request.controller.abort();
        requests.current.delete(at);
      }
    }
    if (reload) requests.current.get(key)?.controller.abort();
    if (reload) requests.current.delete(key);
    // Only the answer to the newest request is shown; an older one is kept at hand, not drawn.
    const mine = ++seq.current;
    const { promise, controller } = requestFor(current.query);
    promise.then(
      (page) => {
        const answer = { key, items: page.items, total: page.total, note: page.note, at: new Date() };
        if (mine !== seq.current) return dispatch({ type: "cached", ...answer });
        dispatch({ type: "loaded", ...answer });
        loaded();
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error) || mine !== seq.current) return;
        dispatch({ type: "failed", error });
        failed(error);
      },
    );
  }, [key, state.reloads, enabled, source, dispatch]);

  // The pages on either side, fetched ahead once the page on screen has arrived.
  const shown = state.loaded && state.shownPage === state.query.page;
  useEffect(() => {
    if (!enabled || !shown) return;
    const current = latest.current;
    for (const page of [current.query.page + 1, current.query.page - 1]) {
      if (page < 1 || page > pageCount(current)) continue;
      const query = { ...current.query, page };
      const at = queryKey(query);
      const cached = current.pages.get(at);
      if (cached !== undefined && Date.now() - cached.at < FRESH_MS) continue;
      requestFor(query).promise.then(
        (result) =>
          dispatch({
            type: "cached",
            key: at,
            items: result.items,
            total: result.total,
            note: result.note,
            at: new Date(),
          }),
        () => {},
      );
    }
  }, [key, shown, state.total, state.pages.generation, enabled, dispatch]);

  // A list on screen fetches its page again now and then, keeping the cursor on its row.
  const live = (options.live ?? false) && enabled;
  const every = options.refreshMs ?? LIVE_REFRESH_MS;
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => dispatch({ type: "refresh", live: true }), every);
    return () => clearInterval(timer);
  }, [live, every, dispatch]);

  useEffect(
    () => () => {
      for (const request of requests.current.values()) request.controller.abort();
    },
    [],
  );
}
