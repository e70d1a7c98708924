import type * as z from "zod";
import { CallOptions } from "./call-options.ts";
import { PaginationError } from "./errors.ts";
import type { PageOf } from "./models/common.ts";
import { parseRequest } from "./validate.ts";

/** How many pages `listAll` keeps on their way at once, once the first page has told the total. */
export const PAGES_IN_FLIGHT = 4;

/** A page with fewer items than its size although `total` says more follow: the list lost some. */
function isShortBeforeTotal(page: PageOf<unknown>, number: number): boolean {
  return page.items.length < page.pageSize && number * page.pageSize < page.total;
}

function shortPage(page: PageOf<unknown>, number: number): PaginationError {
  return new PaginationError(
    `Page ${number} of the list came back with ${page.items.length} of its ${page.pageSize} items although the total is ${page.total}, ` +
      "and again when asked once more: the list is incomplete. Try again later.",
    number,
    "short_page",
  );
}

function repeatedPage(number: number): PaginationError {
  return new PaginationError(
    `Page ${number} of the list came back with the same items as page ${number - 1}: the server seems to ignore ` +
      "the page parameter, so the walk stopped instead of looping.",
    number,
    "repeated_page",
  );
}

/**
 * Every item of a v2 list, page after page, in order, each id at most once. Once the first page
 * has told the total, up to `PAGES_IN_FLIGHT` following pages are requested at once, so they
 * download while the caller works through the current one. A page short of `total` is asked for
 * once more, then the walk rejects with `PaginationError`, as it does for a page whose ids are
 * those of the page before. A failed page rejects the loop when its turn comes, after every page
 * before it. Leaving the loop early aborts the pages still on their way; their failures are then
 * nobody's concern and are swallowed.
 */
export async function* paginate<T extends { id: string }>(
  fetchPage: (page: number, signal: AbortSignal) => Promise<PageOf<T>>,
  firstPage: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<T, void, undefined> {
  const abandon = new AbortController();
  const pageSignal = signal ? AbortSignal.any([signal, abandon.signal]) : abandon.signal;
  const request = (number: number) => {
    const pending = fetchPage(number, pageSignal);
    // Marks the rejection handled now; the loop still sees it when it awaits this page.
    pending.catch(() => {});
    return { number, pending };
  };
  const inFlight = [request(firstPage)];
  let nextPage = firstPage + 1;
  // An item that moved back across the walk's position (something was inserted before it) comes twice.
  const seen = new Set<string>();
  let previousIds: string | undefined;
  try {
    for (let entry = inFlight.shift(); entry; entry = inFlight.shift()) {
      const { number } = entry;
      let page = await entry.pending;
      if (isShortBeforeTotal(page, number)) {
        page = await fetchPage(number, pageSignal);
        if (isShortBeforeTotal(page, number)) throw shortPage(page, number);
      }
      const ids = page.items.map((item) => item.id).join("\n");
      if (ids !== "" && ids === previousIds) throw repeatedPage(number);
      previousIds = ids;
      // The latest total decides the last page, so a list that shrinks is not over-fetched for long;
      // the walk ends when no page is left on its way.
      const lastPage = Math.ceil(page.total / page.pageSize);
      while (inFlight.length < PAGES_IN_FLIGHT && nextPage <= lastPage) inFlight.push(request(nextPage++));
      for (const item of page.items) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        yield item;
      }
    }
  } finally {
    abandon.abort();
  }
}

/**
 * The `listAll` of a v2 list: checks the params at once (so a mistake throws before anything is
 * sent), then walks the pages with `list` from `params.page` (1 by default).
 */
export function listAllOf<S extends z.ZodType<{ page?: number | undefined }>, T extends { id: string }>(
  schema: S,
  what: string,
  list: (params: z.output<S>, options: CallOptions) => Promise<PageOf<T>>,
) {
  return (params?: z.input<S>, options: CallOptions = {}): AsyncIterable<T> => {
    const checked = parseRequest(schema, params ?? {}, what);
    parseRequest(CallOptions, options, "options");
    return paginate(
      (page, signal) => list({ ...checked, page }, { ...options, signal }),
      checked.page ?? 1,
      options.signal,
    );
  };
}
