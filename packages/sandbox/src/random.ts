import { encode } from "@prefactor/pfid";

/** A seeded source of numbers and ids: one seed gives the same demo data, the same ids and the same faults. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [0, maxExclusive). */
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** An RFC 4122 version 4 uuid (version nibble 4, variant 8 to b), as `z.uuid()` accepts. */
  uuid(): string;
  /**
   * A registry id: a PFID, as the vendor's `@prefactor/pfid` encodes it, with `atMs` as its timestamp,
   * `partition` (30 bits: the account) in characters 10 to 15 and 80 seeded bits after them.
   */
  registryId(atMs: number, partition: number): string;
}

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
      const b = (word() & 0xffff0fff) | 0x00004000;
      const c = (word() & 0x3fffffff) | 0x80000000;
      const d = word();
      return `${hex16(a >>> 16)}${hex16(a)}-${hex16(b >>> 16)}-${hex16(b)}-${hex16(c >>> 16)}-${hex16(c)}${hex16(d >>> 16)}${hex16(d)}`;
    },
    registryId: (atMs, partition) => {
      // PFID layout: 6 bytes of timestamp, 4 of partition (30 bits used), 10 of randomness.
      const bytes = Buffer.alloc(20);
      bytes.writeUIntBE(Math.max(0, Math.floor(atMs)), 0, 6);
      bytes.writeUInt32BE(partition & 0x3fffffff, 6);
      for (let i = 10; i < 20; i++) bytes[i] = word() & 0xff;
      return encode(bytes);
    },
  };
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** The low 16 bits of `n` as four hex digits (a lookup, since 100,000 pools need 300,000 uuids). */
function hex16(n: number): string {
  return (BYTE_HEX[(n >>> 8) & 0xff] as string) + (BYTE_HEX[n & 0xff] as string);
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
