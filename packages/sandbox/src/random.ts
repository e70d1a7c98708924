/** A seeded source of numbers and ids: one seed gives the same demo data, the same ids and the same faults. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [0, maxExclusive). */
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** An RFC 4122 version 4 uuid (version nibble 4, variant 8 to b), as `z.uuid()` accepts. */
  uuid(): string;
  /** A registry id: 32 characters of lowercase Crockford base32. */
  registryId(): string;
}

/** Crockford's base32 alphabet, lowercase: no i, l, o or u. */
export const CROCKFORD_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** A generator for `seed`; `stream` names an independent sequence, so adding demo pools never shifts the ids of new executions. */
export function createRandom(seed: number, stream = ""): Random {
  let state = hash(`${seed}:${stream}`);
  const word = (): number => {
    // mulberry32: small, fast and good enough for demo data and fault rolls.
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => word() / 4294967296;
  return {
    next,
    int: (maxExclusive) => Math.floor(next() * maxExclusive),
    pick: (items) => {
      if (items.length === 0) throw new RangeError("cannot pick from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    uuid: () => {
      const a = word();
      const b = ((word() & 0xffff0fff) | 0x00004000) >>> 0;
      const c = ((word() & 0x3fffffff) | 0x80000000) >>> 0;
      const d = word();
      const hex = hex8(a) + hex8(b) + hex8(c) + hex8(d);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
    registryId: () => {
      let id = "";
      for (let i = 0; i < 32; i++) id += CROCKFORD_ALPHABET[word() & 31];
      return id;
    },
  };
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, "0");
}

/** FNV-1a, to turn a seed and a stream name into a 32-bit state. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
