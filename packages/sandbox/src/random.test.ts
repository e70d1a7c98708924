import { RegistryId, Uuid } from "@agentdeck/core";
import { extractPartition, isPfid } from "@prefactor/pfid";
import { describe, expect, it } from "vitest";
import { createRandom } from "./random.ts";

describe("the seeded random source", () => {
  it("makes RFC 4122 version 4 uuids that core's Uuid accepts", () => {
    const random = createRandom(1);
    for (let i = 0; i < 2000; i++) {
      const id = random.uuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Uuid.safeParse(id).success).toBe(true);
    }
  });

  it("makes registry ids that are PFIDs, by the vendor's own check and core's, carrying the partition and the time", () => {
    const random = createRandom(1);
    const partition = 0x2a5f1c3;
    const at = Date.parse("2025-06-02T09:00:00Z");
    const ids = Array.from({ length: 500 }, (_, i) => random.registryId(at + i, partition));
    for (const id of ids) {
      expect(id).toMatch(/^[0-7][0-9a-hjkmnp-tv-z]{31}$/);
      expect(isPfid(id)).toBe(true);
      expect(RegistryId.safeParse(id).success).toBe(true);
      expect(extractPartition(id)).toBe(partition);
    }
    // The timestamp leads, so ids sort in the order they were made.
    expect([...ids].sort()).toEqual(ids);
  });

  it("repeats itself for the same seed and stream, and differs for another", () => {
    const draw = (seed: number, stream: string) => {
      const random = createRandom(seed, stream);
      return [random.uuid(), random.next(), random.int(1000), random.registryId(0, 1)];
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
