/** What the server is asked for: one page, filtered and sorted. */
export type ListQuery = {
  readonly page: number;
  readonly search: string;
  readonly sortField: string;
  readonly sortDirection: "asc" | "desc";
  /** A list-specific filter beside the name, such as an execution status. */
  readonly status: string | undefined;
};

/** Everything a list screen remembers: the query, the page on screen, and where the cursor is. */
export type ListState<T extends { id: string }> = {
  readonly query: ListQuery;
  readonly pageSize: number;
  readonly sortFields: readonly string[];
  /** What is typed in the filter box; it reaches `query.search` after a short pause. */
  readonly filterDraft: string;
  readonly filtering: boolean;
  readonly items: readonly T[];
  readonly total: number;
  readonly cursor: number;
  /** Where the cursor goes when the page being fetched arrives. */
  readonly pendingCursor: number | "last" | undefined;
  /** A row to put the cursor on when the next page arrives, if it is there (a row just created). */
  readonly selectAfterLoad: string | undefined;
  /** Bumped by a refresh, so the same query is fetched again. */
  readonly reloads: number;
  /** The sequence number of the newest request; an answer to an older one is dropped. */
  readonly seq: number;
  readonly loading: boolean;
  readonly loaded: boolean;
  readonly error: unknown;
  readonly loadedAt: Date | undefined;
  /** The page the rows on screen belong to (the query may already ask for another). */
  readonly shownPage: number;
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
  | { type: "refresh"; select?: string }
  | { type: "request"; seq: number }
  | { type: "loaded"; seq: number; items: readonly T[]; total: number; at: Date }
  | { type: "failed"; seq: number; error: unknown }
  | { type: "select"; id: string };

/** A fresh list: first page, no filter, sorted by the first field. */
export function initialListState<T extends { id: string }>(options: {
  pageSize: number;
  sortFields: readonly string[];
  sortField?: string;
  sortDirection?: "asc" | "desc";
  status?: string;
}): ListState<T> {
  return {
    query: {
      page: 1,
      search: "",
      sortField: options.sortField ?? options.sortFields[0] ?? "",
      sortDirection: options.sortDirection ?? "asc",
      status: options.status,
    },
    pageSize: options.pageSize,
    sortFields: options.sortFields,
    filterDraft: "",
    filtering: false,
    items: [],
    total: 0,
    cursor: 0,
    pendingCursor: undefined,
    selectAfterLoad: undefined,
    reloads: 0,
    seq: 0,
    loading: false,
    loaded: false,
    error: undefined,
    loadedAt: undefined,
    shownPage: 1,
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

function withQuery<T extends { id: string }>(
  state: ListState<T>,
  query: Partial<ListQuery>,
  pendingCursor: ListState<T>["pendingCursor"],
): ListState<T> {
  return { ...state, query: { ...state.query, ...query }, pendingCursor };
}

function toPage<T extends { id: string }>(
  state: ListState<T>,
  page: number,
  cursor: ListState<T>["pendingCursor"],
): ListState<T> {
  const target = Math.min(Math.max(1, page), pageCount(state));
  if (target === state.query.page) {
    const last = Math.max(0, state.items.length - 1);
    return { ...state, cursor: cursor === "last" ? last : Math.min(cursor ?? state.cursor, last) };
  }
  return withQuery(state, { page: target }, cursor);
}

function cursorAfterLoad<T extends { id: string }>(state: ListState<T>, items: readonly T[]): number {
  const last = Math.max(0, items.length - 1);
  const wanted =
    state.selectAfterLoad === undefined ? -1 : items.findIndex((i) => i.id === state.selectAfterLoad);
  if (wanted >= 0) return wanted;
  if (state.pendingCursor === "last") return last;
  if (state.pendingCursor !== undefined) return Math.min(state.pendingCursor, last);
  // Same page again (a refresh, a new row): stay on the row that was selected, wherever it moved.
  const selectedId = state.items[state.cursor]?.id;
  const index = selectedId === undefined ? -1 : items.findIndex((item) => item.id === selectedId);
  return index >= 0 ? index : Math.min(state.cursor, last);
}

/** The state transitions of a paged, server-filtered, sorted list. */
export function listReducer<T extends { id: string }>(
  state: ListState<T>,
  action: ListAction<T>,
): ListState<T> {
  switch (action.type) {
    case "move": {
      const next = state.cursor + action.by;
      const crossing = next >= state.items.length || next < 0;
      // While a page is on its way, a held key must not skip the pages after it.
      if (crossing && state.pendingCursor !== undefined) return state;
      if (next >= state.items.length && state.query.page < pageCount(state)) {
        return toPage(state, state.query.page + 1, 0);
      }
      if (next < 0 && state.query.page > 1) return toPage(state, state.query.page - 1, "last");
      return { ...state, cursor: Math.min(Math.max(0, next), Math.max(0, state.items.length - 1)) };
    }
    case "top":
      return toPage(state, 1, 0);
    case "bottom":
      return toPage(state, pageCount(state), "last");
    case "page":
      return toPage(state, state.query.page + action.by, state.cursor);
    case "startFilter":
      return { ...state, filtering: true };
    case "typeFilter":
      return { ...state, filterDraft: action.text };
    case "keepFilter": {
      // Enter does not wait for the pause: the filter applies now.
      const kept = { ...state, filtering: false };
      return state.filterDraft === state.query.search
        ? kept
        : withQuery(kept, { search: state.filterDraft, page: 1 }, 0);
    }
    case "clearFilter": {
      const cleared = { ...state, filtering: false, filterDraft: "" };
      return state.query.search === "" ? cleared : withQuery(cleared, { search: "", page: 1 }, 0);
    }
    case "applySearch":
      if (action.search === state.query.search) return state;
      return withQuery(state, { search: action.search, page: 1 }, 0);
    case "cycleSort": {
      const index = state.sortFields.indexOf(state.query.sortField);
      const sortField = state.sortFields[(index + 1) % state.sortFields.length] ?? state.query.sortField;
      return withQuery(state, { sortField, page: 1 }, 0);
    }
    case "flipDirection":
      return withQuery(
        state,
        { sortDirection: state.query.sortDirection === "asc" ? "desc" : "asc", page: 1 },
        0,
      );
    case "setStatus":
      return withQuery(state, { status: action.status, page: 1 }, 0);
    case "refresh":
      return { ...state, reloads: state.reloads + 1, selectAfterLoad: action.select };
    case "request":
      return { ...state, seq: action.seq, loading: true };
    case "loaded":
      if (action.seq !== state.seq) return state;
      return {
        ...state,
        items: action.items,
        total: action.total,
        cursor: cursorAfterLoad(state, action.items),
        pendingCursor: undefined,
        selectAfterLoad: undefined,
        loading: false,
        loaded: true,
        error: undefined,
        loadedAt: action.at,
        shownPage: state.query.page,
      };
    case "failed":
      if (action.seq !== state.seq) return state;
      // The rows and the cursor stay as they were; only the error is new.
      return { ...state, loading: false, error: action.error, pendingCursor: undefined };
    case "select": {
      const index = state.items.findIndex((item) => item.id === action.id);
      return index >= 0 ? { ...state, cursor: index } : state;
    }
  }
}
