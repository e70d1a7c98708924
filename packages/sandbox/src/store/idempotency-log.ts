/** A response kept under an idempotency key, with what the request looked like. */
export interface RememberedResponse {
  fingerprint: string;
  status: number;
  body: unknown;
}

/** How long a key is remembered: 24 hours, as Stripe keeps its keys. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** The most keys kept at once; past it the oldest is forgotten first, so memory stays flat. */
export const MAX_IDEMPOTENCY_KEYS = 10_000;

interface Entry extends RememberedResponse {
  atMs: number;
}

/**
 * Responses of successful registry writes, by idempotency key, so a retried request gets the same answer.
 * A key is forgotten 24 hours after its first use, or sooner once `maxKeys` newer ones have come.
 */
export class IdempotencyLog {
  // A Map keeps insertion order, which is also age order: the oldest entry is always first.
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #ttlMs: number;
  readonly #maxKeys: number;

  constructor(options: { now?: () => number; ttlMs?: number; maxKeys?: number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#ttlMs = options.ttlMs ?? IDEMPOTENCY_KEY_TTL_MS;
    this.#maxKeys = options.maxKeys ?? MAX_IDEMPOTENCY_KEYS;
  }

  get(key: string): RememberedResponse | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (this.#now() - entry.atMs >= this.#ttlMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  remember(key: string, response: RememberedResponse): void {
    const now = this.#now();
    this.#entries.delete(key);
    this.#entries.set(key, { ...response, atMs: now });
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxKeys && now - entry.atMs < this.#ttlMs) break;
      this.#entries.delete(oldest);
    }
  }

  /** Keys remembered now, expired ones not yet swept included. */
  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}
