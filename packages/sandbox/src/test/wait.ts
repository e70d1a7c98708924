/**
 * Polls `probe` until it returns a value that is not undefined. No deadline of its own: the test's
 * timeout bounds it, so no assertion depends on how fast the machine is.
 */
export async function eventually<T>(probe: () => Promise<T | undefined>, intervalMs = 5): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
