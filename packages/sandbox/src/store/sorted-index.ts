/**
 * An array kept in order by a total comparator, so a list sorted by any indexed field is a slice, not a
 * sort: what keeps `GET /agent-profile-pools` fast on 100,000 pools. An entry's sort key must not
 * change while it is indexed: to change one, remove it and insert its replacement.
 */
export class SortedIndex<T> {
  #items: T[] = [];
  readonly #compare: (a: T, b: T) => number;

  constructor(compare: (a: T, b: T) => number) {
    this.#compare = compare;
  }

  /** Replaces the contents with `items`, sorted once. */
  load(items: readonly T[]): void {
    this.#items = [...items].sort(this.#compare);
  }

  insert(item: T): void {
    this.#items.splice(this.#lowerBound(item), 0, item);
  }

  /** Removes this very entry (by identity), looking through any that compare equal to it. */
  remove(item: T): void {
    const items = this.#items;
    for (let i = this.#lowerBound(item); i < items.length && this.#compare(items[i] as T, item) === 0; i++) {
      if (items[i] === item) {
        items.splice(i, 1);
        return;
      }
    }
  }

  clear(): void {
    this.#items = [];
  }

  get size(): number {
    return this.#items.length;
  }

  /** The entries in order; read-only. */
  get items(): readonly T[] {
    return this.#items;
  }

  #lowerBound(item: T): number {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compare(this.#items[mid] as T, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
