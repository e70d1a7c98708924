import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SortedIndex } from "./sorted-index.ts";

describe("SortedIndex", () => {
  it("stays sorted through any mix of inserts and removes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 50 })), { maxLength: 200 }),
        (ops) => {
          const index = new SortedIndex<{ n: number }>((a, b) => a.n - b.n);
          const live: { n: number }[] = [];
          for (const [insert, n] of ops) {
            if (insert || live.length === 0) {
              const item = { n };
              index.insert(item);
              live.push(item);
            } else {
              const item = live.splice(n % live.length, 1)[0] as { n: number };
              index.remove(item);
            }
          }
          expect(index.items.map((i) => i.n)).toEqual(live.map((i) => i.n).sort((a, b) => a - b));
          expect(index.size).toBe(live.length);
        },
      ),
    );
  });
});
