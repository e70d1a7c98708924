/**
 * One wait shared by every row: when the API says "too many requests", no row sends anything until
 * the wait is over. `Retry-After` is honoured exactly; without it the wait doubles with each hold in
 * a row (with jitter, so processes that were refused together do not come back together).
 */
export class SharedBackoff {
  #until = 0;
  #streak = 0;
  readonly #baseMs: number;
  readonly #capMs: number;
  readonly #random: () => number;

  constructor(options: { baseMs: number; capMs: number; random?: () => number }) {
    this.#baseMs = options.baseMs;
    this.#capMs = options.capMs;
    this.#random = options.random ?? Math.random;
  }

  /** Holds every row for `retryAfterMs`, or for the next backoff step when the server named no time. Returns the wait. */
  hold(retryAfterMs?: number, now = Date.now()): number {
    const ceiling = Math.min(this.#capMs, this.#baseMs * 2 ** this.#streak);
    const waitMs = retryAfterMs ?? Math.round(ceiling / 2 + (this.#random() * ceiling) / 2);
    this.#streak++;
    this.#until = Math.max(this.#until, now + waitMs);
    return waitMs;
  }

  /** A request went through: the next hold starts from the first step again. */
  succeeded(): void {
    this.#streak = 0;
  }

  /** Ends the hold now (a profile came free, say). */
  release(): void {
    this.#until = 0;
    this.#streak = 0;
  }

  /** How long rows must still wait, in ms (0 when they may go). */
  remainingMs(now = Date.now()): number {
    return Math.max(0, this.#until - now);
  }
}
