/** What the server is asked for: one page, filtered and sorted. */
export type ListQuery = {
  readonly page: number;
  readonly search: string;
  readonly sortField: string;
  readonly sortDirection: "asc" | "desc";
  /** A list-specific filter beside the search, such as an execution status (or `active`). */
  readonly status: string | undefined;
};

/** A page the server sent, kept so that going back to it (or to a page fetched ahead) is instant. */
export type CachedPage<T> = {
  readonly items: readonly T[];
  readonly total: number;
  readonly at: number;
  /** What the source said about the whole list beside this page (a journal's rows by state). */
  readonly note?: string | undefined;
};

/** How many pages a list keeps at hand. */
export const MAX_CACHED_PAGES = 16;

/**
 * The pages a list has at hand, by `queryKey`, the oldest dropped first. It is one mutable box
 * shared by the states of one list, on purpose: a page fetched ahead is kept without making a new
 * state, so nothing is drawn again for what is not on screen.
 */
export class PageCache<T> {
  readonly #pages = new Map<string, CachedPage<T>>();
  /** When the rows on screen last came from the server (kept here: it changes nothing on screen until a fetch fails). */
  shownAt: Date | undefined;

  get(key: string): CachedPage<T> | undefined {
    return this.#pages.get(key);
  }

  set(key: string, page: CachedPage<T>): void {
    this.#pages.delete(key);
    this.#pages.set(key, page);
    while (this.#pages.size > MAX_CACHED_PAGES) this.#pages.delete(this.#pages.keys().next().value as string);
  }

  /** Bumped each time it is emptied, so what fetches pages ahead knows to fetch them again. */
  generation = 0;

  clear(): void {
    this.#pages.clear();
    this.generation++;
  }

  get size(): number {
    return this.#pages.size;
  }
}

/** Where the cursor goes on a page that is still on its way: a row from the top, or from the bottom. */
export type Landing = { readonly at: number } | { readonly fromEnd: number };

/** Everything a list remembers: the query, the page on screen, the cursor and the pages at hand. */
export type ListState<T extends { id: string }> = {
  readonly query: ListQuery;
  readonly pageSize: number;
  readonly sortFields: readonly string[];
  /** What is typed in the filter box; it reaches `query.search` after a short pause. */
  readonly filterDraft: string;
  readonly filtering: boolean;
  readonly items: readonly T[];
  readonly total: number;
  /** What the source said about the whole list with the page on screen, for the header. */
  readonly note: string | undefined;
  readonly cursor: number;
  /** Where the cursor lands when the page being fetched arrives (keys pressed meanwhile move it). */
  readonly landing: Landing | undefined;
  /** A row to put the cursor on when the next page arrives, if it is there (a row just created, or the row selected before a sort). */
  readonly selectAfterLoad: string | undefined;
  /** Bumped by a refresh, so the same query is fetched again. */
  readonly reloads: number;
  readonly loading: boolean;
  readonly loaded: boolean;
  readonly error: unknown;
  /** The page the rows on screen belong to (the query may already ask for another). */
  readonly shownPage: number;
  /** Pages fetched so far (see `PageCache`). */
  readonly pages: PageCache<T>;
};

export type ListAction<T> =
  | { type: "move"; by: number }
  | { type: "top" }
  | { type: "bottom" }
  | { type: "page"; by: number }
  | { type: "startFilter" }
  | { type: "typeFilter"; text: string }
  | { type: "keepFilter" }
  | { type: "clearFilter" }
  | { type: "applySearch"; search: string }
  | { type: "cycleSort" }
  | { type: "flipDirection" }
  | { type: "setStatus"; status: string | undefined }
  /**
   * Fetch the page on screen again (with the cursor on `select` if it is there). Every other page at
   * hand is dropped too, unless `live` (the list's own refresh every few seconds): then those stay,
   * to be fetched again only when the list shows them.
   */
  | { type: "refresh"; select?: string | undefined; live?: boolean }
  /** The newest request for the page on screen was answered (shown if the list still asks for that page). */
  | { type: "loaded"; key: string; items: readonly T[]; total: number; at: Date; note?: string | undefined }
  /** A page not on screen arrived (fetched ahead, or for a query no longer shown): kept, not drawn. */
  | { type: "cached"; key: string; items: readonly T[]; total: number; at: Date; note?: string | undefined }
  | { type: "failed"; error: unknown }
  | { type: "select"; id: string };

/** The key a query's page is cached under. */
export function queryKey(query: ListQuery): string {
  return `${query.page}|${query.sortField}|${query.sortDirection}|${query.status ?? ""}|${query.search}`;
}

/** Whether two queries differ only by page (the same filter and sort, so the same result set). */
export function sameResultSet(a: ListQuery, b: ListQuery): boolean {
  return (
    a.search === b.search &&
    a.sortField === b.sortField &&
    a.sortDirection === b.sortDirection &&
    a.status === b.status
  );
}

/** How a list starts: its sort fields, and the sort and status it starts with. */
export type ListStart = {
  sortFields: readonly string[];
  sortField?: string | undefined;
  sortDirection?: "asc" | "desc" | undefined;
  status?: string | undefined;
};

/** The query a fresh list asks for: first page, no filter, sorted by the first field unless told. */
export function initialQuery(options: ListStart): ListQuery {
  return {
    page: 1,
    search: "",
    sortField: options.sortField ?? options.sortFields[0] ?? "",
    sortDirection: options.sortDirection ?? "asc",
    status: options.status,
  };
}

/** A fresh list: first page, no filter, sorted by the first field. */
export function initialListState<T extends { id: string }>(
  options: ListStart & { pageSize: number },
): ListState<T> {
  return {
    query: initialQuery(options),
    pageSize: options.pageSize,
    sortFields: options.sortFields,
    filterDraft: "",
    filtering: false,
    items: [],
    total: 0,
    note: undefined,
    cursor: 0,
    landing: undefined,
    selectAfterLoad: undefined,
    reloads: 0,
    loading: false,
    loaded: false,
    error: undefined,
    shownPage: 1,
    pages: new PageCache<T>(),
  };
}

/** How many pages the list has (at least one, so an empty list still has a page 1). */
export function pageCount(state: Pick<ListState<{ id: string }>, "total" | "pageSize">): number {
  return Math.max(1, Math.ceil(state.total / state.pageSize));
}

/** The row under the cursor, if the page has any rows. */
export function selectedItem<T extends { id: string }>(state: ListState<T>): T | undefined {
  return state.items[state.cursor];
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}

/** The row the cursor goes to on a page of `items`. */
function cursorOn<T extends { id: string }>(state: ListState<T>, items: readonly T[]): number {
  const last = Math.max(0, items.length - 1);
  const wanted =
    state.selectAfterLoad === undefined ? -1 : items.findIndex((i) => i.id === state.selectAfterLoad);
  if (wanted >= 0) return wanted;
  const { landing } = state;
  if (landing !== undefined)
    return "at" in landing ? Math.min(landing.at, last) : Math.max(0, last - landing.fromEnd);
  // The same page again (a refresh): stay on the row that was selected, wherever it moved.
  const selectedId = state.items[state.cursor]?.id;
  const index = selectedId === undefined ? -1 : items.findIndex((item) => item.id === selectedId);
  return index >= 0 ? index : Math.min(state.cursor, last);
}

/** Rows the same as `current` (a refresh that changed nothing) keep their array, so nothing redraws for them. */
function sameRows<T>(current: readonly T[], next: readonly T[]): readonly T[] {
  if (current.length !== next.length) return next;
  return JSON.stringify(current) === JSON.stringify(next) ? current : next;
}

/** `state` showing `page` as the rows of its query. */
function show<T extends { id: string }>(state: ListState<T>, page: CachedPage<T>, at: Date): ListState<T> {
  state.pages.shownAt = at;
  const items = sameRows(state.items, page.items);
  const cursor = cursorOn(state, page.items);
  // A refresh that changed nothing changes nothing: no new state, so nothing is drawn again.
  const unchanged =
    items === state.items &&
    page.total === state.total &&
    page.note === state.note &&
    cursor === state.cursor &&
    state.loaded &&
    !state.loading &&
    state.error === undefined &&
    state.landing === undefined &&
    state.selectAfterLoad === undefined &&
    state.shownPage === state.query.page;
  if (unchanged) return state;
  return {
    ...state,
    items,
    total: page.total,
    note: page.note,
    cursor,
    landing: undefined,
    selectAfterLoad: undefined,
    loading: false,
    loaded: true,
    error: undefined,
    shownPage: state.query.page,
  };
}

/** `state` asking for another query: a page already at hand is shown at once, otherwise it is fetched. */
function withQuery<T extends { id: string }>(
  state: ListState<T>,
  query: Partial<ListQuery>,
  landing: Landing,
  selectAfterLoad?: string,
): ListState<T> {
  const next = { ...state, query: { ...state.query, ...query }, landing, selectAfterLoad };
  const cached = state.pages.get(queryKey(next.query));
  // Until the page arrives, the rows on screen are not the query's: say it is loading at once.
  return cached ? show(next, cached, new Date(cached.at)) : { ...next, loading: true };
}

function toPage<T extends { id: string }>(state: ListState<T>, page: number, landing: Landing): ListState<T> {
  const target = clamp(page, 1, pageCount(state));
  if (target === state.query.page) {
    const last = Math.max(0, state.items.length - 1);
    const cursor = "at" in landing ? Math.min(landing.at, last) : Math.max(0, last - landing.fromEnd);
    return { ...state, cursor };
  }
  return withQuery(state, { page: target }, landing);
}

/** Keys pressed while a page is on its way move where the cursor will land on it, within that page. */
function moveLanding(landing: Landing, by: number, pageSize: number): Landing {
  const last = pageSize - 1;
  return "at" in landing
    ? { at: clamp(landing.at + by, 0, last) }
    : { fromEnd: clamp(landing.fromEnd - by, 0, last) };
}

function pageOf<T>(answer: {
  items: readonly T[];
  total: number;
  at: Date;
  note?: string | undefined;
}): CachedPage<T> {
  return { items: answer.items, total: answer.total, at: answer.at.getTime(), note: answer.note };
}

/** The state transitions of a paged, server-filtered, sorted list. */
export function listReducer<T extends { id: string }>(
  state: ListState<T>,
  action: ListAction<T>,
): ListState<T> {
  switch (action.type) {
    case "move": {
      if (state.landing !== undefined)
        return { ...state, landing: moveLanding(state.landing, action.by, state.pageSize) };
      const next = state.cursor + action.by;
      const count = state.items.length;
      if (next >= count && state.query.page < pageCount(state)) {
        return toPage(state, state.query.page + 1, { at: Math.min(next - count, state.pageSize - 1) });
      }
      if (next < 0 && state.query.page > 1) {
        return toPage(state, state.query.page - 1, { fromEnd: Math.min(-next - 1, state.pageSize - 1) });
      }
      return { ...state, cursor: clamp(next, 0, Math.max(0, count - 1)) };
    }
    case "top":
      return toPage(state, 1, { at: 0 });
    case "bottom":
      return toPage(state, pageCount(state), { fromEnd: 0 });
    case "page":
      return toPage(state, state.query.page + action.by, { at: state.cursor });
    case "startFilter":
      return { ...state, filtering: true };
    case "typeFilter":
      return { ...state, filterDraft: action.text };
    case "keepFilter": {
      // Enter does not wait for the pause: the filter applies now.
      const kept = { ...state, filtering: false };
      return state.filterDraft === state.query.search
        ? kept
        : withQuery(kept, { search: state.filterDraft, page: 1 }, { at: 0 });
    }
    case "clearFilter": {
      const cleared = { ...state, filtering: false, filterDraft: "" };
      return state.query.search === "" ? cleared : withQuery(cleared, { search: "", page: 1 }, { at: 0 });
    }
    case "applySearch":
      if (action.search === state.query.search) return state;
      return withQuery(
        { ...state, filterDraft: action.search },
        { search: action.search, page: 1 },
        { at: 0 },
      );
    case "cycleSort": {
      const index = state.sortFields.indexOf(state.query.sortField);
      const sortField = state.sortFields[(index + 1) % state.sortFields.length] ?? state.query.sortField;
      return withQuery(state, { sortField, page: 1 }, { at: 0 }, selectedItem(state)?.id);
    }
    case "flipDirection":
      return withQuery(
        state,
        { sortDirection: state.query.sortDirection === "asc" ? "desc" : "asc", page: 1 },
        { at: 0 },
        selectedItem(state)?.id,
      );
    case "setStatus":
      return withQuery(state, { status: action.status, page: 1 }, { at: 0 });
    case "refresh":
      // What the server holds may have changed: every page at hand is fetched again when needed.
      if (!action.live) state.pages.clear();
      return { ...state, reloads: state.reloads + 1, selectAfterLoad: action.select };
    case "cached":
      state.pages.set(action.key, pageOf(action));
      return state;
    case "loaded": {
      const page = pageOf(action);
      state.pages.set(action.key, page);
      // The list may have moved on to a page it had at hand meanwhile: then this one is only kept.
      return action.key === queryKey(state.query) ? show(state, page, action.at) : state;
    }
    case "failed":
      // The rows and the cursor stay as they were; only the error is new.
      return { ...state, loading: false, error: action.error, landing: undefined };
    case "select": {
      const index = state.items.findIndex((item) => item.id === action.id);
      return index >= 0 ? { ...state, cursor: index } : state;
    }
  }
}
