import type { z } from "zod";
import { CallOptions } from "./call-options.ts";
import type { PageOf } from "./models/common.ts";
import { parseRequest } from "./validate.ts";

/** Whether another page follows `page`: not when it came back short, or when it reaches `total`. */
export function hasNextPage(page: PageOf<unknown>): boolean {
  if (page.items.length === 0 || page.items.length < page.pageSize) return false;
  return page.page * page.pageSize < page.total;
}

/**
 * Every item of a v2 list, page after page. The next page is requested as soon as the current one
 * arrives, so it downloads while the caller works through the current one. Leaving the loop early
 * aborts that request; its failure is then nobody's concern and is swallowed.
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
  let next = request(firstPage);
  try {
    for (;;) {
      const page = await next;
      const more = hasNextPage(page);
      if (more) next = request(page.page + 1);
      yield* page.items;
      if (!more) return;
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
