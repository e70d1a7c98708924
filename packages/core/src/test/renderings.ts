import { inspect } from "node:util";
import { expect } from "vitest";

/** Every way an error is commonly shown or stored: none may contain a secret. */
export function renderings(error: unknown): string[] {
  const json = (error as { toJSON?: () => unknown }).toJSON?.();
  return [
    String(error),
    (error as Error).message,
    JSON.stringify(error),
    JSON.stringify(json),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    (error as Error).stack ?? "",
  ];
}

/** Every form a secret takes in text: raw, URL-encoded both ways, JSON-escaped. */
export function formsOf(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ];
}

/** Fails when any rendering of `error` holds any form of any of `secrets`. */
export function expectNoSecret(error: unknown, secrets: readonly string[]): void {
  for (const text of renderings(error)) {
    for (const secret of secrets) {
      for (const form of formsOf(secret)) expect(text.toLowerCase()).not.toContain(form.toLowerCase());
    }
  }
}

/** The call's rejection and how long it took to come, in ms; fails if the call resolves. */
export async function failureOf(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await call().then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}
