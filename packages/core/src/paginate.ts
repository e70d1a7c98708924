import type * as z from "zod";
import { CallOptions } from "./call-options.ts";
import type { PageOf } from "./models/common.ts";
import { parseRequest } from "./validate.ts";

/** Whether another page follows `page`: not when it came back short, or when it reaches `total`. */
export function hasNextPage(page: PageOf<unknown>): boolean {
  if (page.items.length === 0 || page.items.length < page.pageSize) return false;
  return page.page * page.pageSize < page.total;
}

/** How many pages `listAll` keeps on their way at once, once the first page has told the total. */
export const PAGES_IN_FLIGHT = 4;

/**
 * Every item of a v2 list, page after page, in order. Once the first page has told the total, up to
 * `PAGES_IN_FLIGHT` following pages are requested at once, so they download while the caller works
 * through the current one. A failed page rejects the loop when its turn comes, after every page
 * before it. Leaving the loop early aborts the pages still on their way; their failures are then
 * nobody's concern and are swallowed.
 */
export async function* paginate<T>(
  fetchPage: (page: number, signal: AbortSignal) => Promise<PageOf<T>>,
  firstPage: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<T, void, undefined> {
  const abandon = new AbortController();
  const pageSignal = signal ? AbortSignal.any([signal, abandon.signal]) : abandon.signal;
  const request = (page: number) => {
    const pending = fetchPage(page, pageSignal);
    // Marks the rejection handled now; the loop still sees it when it awaits this page.
    pending.catch(() => {});
    return pending;
  };
  const inFlight = [request(firstPage)];
  let nextPage = firstPage + 1;
  try {
    for (let pending = inFlight.shift(); pending; pending = inFlight.shift()) {
      const page = await pending;
      if (!hasNextPage(page)) {
        yield* page.items;
        return;
      }
      // The latest total decides the last page, so a list that shrinks is not over-fetched for long.
      const lastPage = Math.ceil(page.total / page.pageSize);
      while (inFlight.length < PAGES_IN_FLIGHT && nextPage <= lastPage) inFlight.push(request(nextPage++));
      yield* page.items;
    }
  } finally {
    abandon.abort();
  }
}

/**
 * The `listAll` of a v2 list: checks the params at once (so a mistake throws before anything is
 * sent), then walks the pages with `list` from `params.page` (1 by default).
 */
export function listAllOf<S extends z.ZodType<{ page?: number | undefined }>, T>(
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
