/**
 * The answers of one list route, kept as the bytes sent, until the table behind them changes. A page
 * asked for again (the TUI's first page, a client polling) is then written straight from memory,
 * with no query of the store, no JSON serialisation and no UTF-8 encoding: on the list-pools
 * benchmark those were over half the sandbox's CPU.
 */
export class RenderedPages {
  readonly #pages = new Map<string, Buffer>();
  readonly #maxPages: number;
  #version = -1;

  constructor(maxPages = 256) {
    this.#maxPages = maxPages;
  }

  /** The bytes of the page `key` at the table's `version`, rendered by `render` when not kept yet. */
  get(version: number, key: string, render: () => unknown): Buffer {
    if (version !== this.#version) {
      this.#pages.clear();
      this.#version = version;
    }
    let page = this.#pages.get(key);
    if (page === undefined) {
      page = Buffer.from(JSON.stringify(render()));
      if (this.#pages.size >= this.#maxPages) this.#pages.delete(this.#pages.keys().next().value as string);
      this.#pages.set(key, page);
    }
    return page;
  }
}
