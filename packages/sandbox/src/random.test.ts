import { Uuid } from "@agentdeck/core";
import { describe, expect, it } from "vitest";
import { CROCKFORD_ALPHABET, createRandom } from "./random.ts";

describe("the seeded random source", () => {
  it("makes RFC 4122 version 4 uuids that core's Uuid accepts", () => {
    const random = createRandom(1);
    for (let i = 0; i < 2000; i++) {
      const id = random.uuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Uuid.safeParse(id).success).toBe(true);
    }
  });

  it("makes 32-character registry ids from the lowercase Crockford alphabet", () => {
    expect(CROCKFORD_ALPHABET).toBe("0123456789abcdefghjkmnpqrstvwxyz");
    const random = createRandom(1);
    for (let i = 0; i < 500; i++) expect(random.registryId()).toMatch(/^[0-9a-hjkmnp-tv-z]{32}$/);
  });

  it("repeats itself for the same seed and stream, and differs for another", () => {
    const draw = (seed: number, stream: string) => {
      const random = createRandom(seed, stream);
      return [random.uuid(), random.next(), random.int(1000), random.registryId()];
    };
    expect(draw(3, "a")).toEqual(draw(3, "a"));
    expect(draw(3, "a")).not.toEqual(draw(4, "a"));
    expect(draw(3, "a")).not.toEqual(draw(3, "b"));
  });

  it("keeps next() in [0, 1) and int(n) in [0, n)", () => {
    const random = createRandom(9);
    for (let i = 0; i < 10_000; i++) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = random.int(7);
      expect(Number.isInteger(n) && n >= 0 && n < 7).toBe(true);
    }
  });
});
