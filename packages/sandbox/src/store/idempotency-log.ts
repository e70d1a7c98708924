/** A response kept under an idempotency key, with what the request looked like. */
export interface RememberedResponse {
  fingerprint: string;
  status: number;
  body: unknown;
}

/** Responses of successful registry writes, by idempotency key, so a retried request gets the same answer. */
export class IdempotencyLog {
  readonly #entries = new Map<string, RememberedResponse>();

  get(key: string): RememberedResponse | undefined {
    return this.#entries.get(key);
  }

  remember(key: string, response: RememberedResponse): void {
    this.#entries.set(key, response);
  }

  clear(): void {
    this.#entries.clear();
  }
}
