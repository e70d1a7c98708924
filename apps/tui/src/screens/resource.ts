import type { ApiName } from "@agentdeck/core";
import type { Binding } from "../keys/binding.ts";
import type { Detail } from "../list/DetailPane.tsx";
import type { ListState } from "../list/listState.ts";
import type { Column } from "../list/Table.tsx";
import type { PageSource } from "../list/useList.ts";
import type { Session } from "../shell/session.ts";
import type { ViewContext } from "../shell/viewStack.ts";

/** What a resource's own keys get: the view they were pressed in, the row they are about, and its list. */
export type ItemContext<T> = ViewContext<unknown> & {
  /** The selected row (in the list) or the row shown (in its detail view). */
  readonly item: T | undefined;
  /** The resource's list at the bottom of the stack. */
  readonly list: {
    readonly id: number;
    /** Fetches the list's page again, with the cursor on `select` if it is there. */
    readonly refresh: (select?: string) => void;
  };
};

/**
 * One resource as a tab: k9s's generic browser is this configuration plus `ResourceScreen`. The
 * list, its filter, sort, paging, refresh, the detail pane and view, the JSON view and copying
 * the id are the same for every resource; a resource says only what differs.
 */
export type Resource<T extends { id: string }> = {
  /** The tab's title: `Pools`. */
  readonly title: string;
  /** One row: `pool`. */
  readonly noun: string;
  /** The API its rows come from; none for rows read from a local file (a batch journal). */
  readonly api: ApiName | undefined;
  readonly columns: readonly Column<T>[];
  readonly sortFields: readonly string[];
  readonly sortDirection?: "asc" | "desc";
  /** What `/` matches on the server: `name`, `id`. */
  readonly searchBy: string;
  readonly source: (session: Session) => PageSource<T>;
  /** How often the list on screen reads its page again, when not the session's (a running batch's journal). */
  readonly refreshMs?: number;
  /** Whether the list is of one organization (v2 lists are), so it waits until that is known. */
  readonly needsOrganization: boolean;
  /** Why the tab can show nothing (the registry not configured), as lines to show instead. */
  readonly unavailable?: (session: Session) => readonly string[] | undefined;
  /** The row's title in the detail pane and view. */
  readonly itemTitle: (item: T) => string;
  readonly details: (item: T) => readonly Detail[];
  /** Fetches one row fresh for its detail view. */
  readonly fetchOne?: (session: Session, id: string, signal: AbortSignal) => Promise<T>;
  /** What Enter does (default: the detail view), and its word in the hint line. */
  readonly open?: Omit<Binding<ItemContext<T>>, "keys">;
  /** The resource's own keys, in its list and in its detail view. */
  readonly actions: readonly Binding<ItemContext<T>>[];
  /** Keys of the list alone, such as a status filter. */
  readonly listActions?: readonly Binding<ViewContext<ListState<T>>>[];
  /** Words after the sort in the list header (the status filter). */
  readonly headerExtra?: (state: ListState<T>) => string | undefined;
  /** A line above the list, across the screen, about the whole list (a journal's rows by state). */
  readonly banner?: (state: ListState<T>) => string | undefined;
  /** What the list says when it has no rows. */
  readonly empty: (state: ListState<T>) => string;
};

/** A first page fetched before the UI was drawn (at start-up), shown in its first frame. */
export type OpeningPage<T> = {
  /** The organization its rows are of; a list of another one fetches its own. */
  readonly organizationId: string;
  readonly items: readonly T[];
  readonly total: number;
  readonly at: Date;
};

/** A disabled reason for keys about a row, when there is none. */
export function needsItem<T>(context: ItemContext<T>): string | undefined {
  return context.item === undefined ? "there is no row selected" : undefined;
}
