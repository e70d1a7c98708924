import { memo } from "react";
import { formatClock, plural } from "../common/format.ts";
import { Line, type Segment } from "../common/Segments.tsx";
import { sanitize } from "../common/sanitize.ts";
import { useTheme } from "../common/theme.ts";
import { type ListState, pageCount } from "./listState.ts";

/**
 * The line above a list: how many rows match, which page is shown, the sort, what the filter
 * searches (with a cursor while it is typed), and whether the rows are being fetched or are old.
 * One line, cut to `width`.
 */
function ListHeaderView<T extends { id: string }>(props: {
  readonly state: ListState<T>;
  readonly noun: string;
  /** What the filter matches: `name`, `id`. */
  readonly searchBy: string;
  readonly extra?: string | undefined;
  /** Nothing can be fetched yet, and why is shown below (the organization could not be read). */
  readonly stalled?: boolean;
  readonly width: number;
}) {
  const theme = useTheme();
  const { state } = props;
  const gap = { text: "  " };
  const segments: Segment[] = [
    { text: state.loaded ? plural(state.total, props.noun) : `${props.noun}s`, bold: true },
  ];
  // Whether the rows are on their way or old comes early: it must not be cut off on a narrow screen.
  if (state.loading || (!state.loaded && state.error === undefined && !props.stalled)) {
    segments.push(gap, { text: "loading…", color: theme.muted });
  } else if (state.error !== undefined && state.pages.shownAt !== undefined) {
    segments.push(gap, { text: `as of ${formatClock(state.pages.shownAt)}`, color: theme.warning });
  }
  segments.push(gap, { text: `page ${state.shownPage}/${pageCount(state)}`, color: theme.muted }, gap, {
    text: `sort ${state.query.sortField} ${state.query.sortDirection === "asc" ? "▲" : "▼"}`,
    color: theme.muted,
  });
  if (props.extra) segments.push(gap, { text: props.extra, color: theme.accent });
  segments.push(gap);
  if (state.filtering) {
    segments.push(
      { text: `/${sanitize(state.filterDraft)}`, color: theme.accent },
      { text: " ", inverse: true },
    );
  } else if (state.filterDraft !== "") {
    segments.push({ text: `/${sanitize(state.filterDraft)}` });
  } else {
    segments.push({ text: `/ filter by ${props.searchBy}`, color: theme.muted });
  }
  return <Line segments={segments} width={props.width} />;
}

type HeaderProps = Parameters<typeof ListHeaderView>[0];

/** What the header shows of a list's state: a cursor move changes none of it. */
function sameHeader(a: HeaderProps, b: HeaderProps): boolean {
  const x = a.state;
  const y = b.state;
  return (
    a.noun === b.noun &&
    a.searchBy === b.searchBy &&
    a.extra === b.extra &&
    a.stalled === b.stalled &&
    a.width === b.width &&
    x.total === y.total &&
    x.loaded === y.loaded &&
    x.loading === y.loading &&
    x.error === y.error &&
    x.shownPage === y.shownPage &&
    x.pageSize === y.pageSize &&
    x.query.sortField === y.query.sortField &&
    x.query.sortDirection === y.query.sortDirection &&
    x.filtering === y.filtering &&
    x.filterDraft === y.filterDraft
  );
}

/** The header, drawn again only when what it shows changes. */
export const ListHeader = memo(ListHeaderView, sameHeader) as typeof ListHeaderView;
