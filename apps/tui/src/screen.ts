/** What App gives every tab's screen. */
export type ScreenProps = {
  /** Keys go to this screen: its tab is shown and no overlay covers it. */
  readonly active: boolean;
  /** The same, asked when a key arrives (a key before it in a burst may have switched tabs). */
  readonly hasKeys: () => boolean;
  /** Its tab is shown (lists refresh themselves only then). */
  readonly visible: boolean;
  /**
   * Its tab has been shown at least once. Every screen is mounted from the start (so keys typed
   * right after a tab key reach it), but fetches only once opened: start-up loads one list.
   */
  readonly opened: boolean;
  readonly width: number;
  readonly height: number;
  /**
   * The screen hands App a probe that says, at the moment it is called, whether something in the
   * screen takes every key (a form, the filter, a prompt), so that `q` or `1` is a letter there.
   * It must read refs, not rendered state: keys typed in a burst arrive before React renders.
   */
  readonly typing: (probe: () => boolean) => void;
};

/** Rows fetched per page: the API's maximum, so paging is rare. */
export const PAGE_SIZE = 100;
