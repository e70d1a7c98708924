/** Where the activity feed is scrolled: following the newest entries, or held at a row. */
export type FeedScroll = { readonly follow: boolean; readonly top: number };

export const FOLLOWING: FeedScroll = { follow: true, top: 0 };

/** The first visible entry of a feed of `count` entries in `height` rows. */
export function feedTop(scroll: FeedScroll, count: number, height: number): number {
  const last = Math.max(0, count - height);
  return scroll.follow ? last : Math.min(scroll.top, last);
}

/**
 * Scrolls by `by` rows. Scrolling up holds the view where it is while new entries arrive (the
 * reader keeps their place); scrolling back to the bottom follows the newest again.
 */
export function scrollFeed(scroll: FeedScroll, by: number, count: number, height: number): FeedScroll {
  const last = Math.max(0, count - height);
  const top = Math.min(Math.max(0, feedTop(scroll, count, height) + by), last);
  return top >= last ? FOLLOWING : { follow: false, top };
}
