/** How reading a body ended: its text, or why there is none. */
export type BodyRead =
  | { ok: true; text: string }
  /** Past `maxBytes`: reading stopped there and the rest was never decompressed. */
  | { ok: false; tooLarge: true; bytes: number }
  /** The stream broke: cut off, or its compression was invalid. */
  | { ok: false; tooLarge: false; cause: unknown };

const decoder = new TextDecoder();

function decode(chunks: readonly Uint8Array[], bytes: number): string {
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const whole = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(whole);
}

/**
 * Reads a response's body as UTF-8 text (as `response.text()` would), counting bytes as they
 * arrive, after decompression, and stopping past `maxBytes`. Rejects with the signal's reason as
 * soon as `signal` aborts.
 *
 * The signal is ours, not the one the request was sent with: Node's fetch stops hearing that one
 * once the `Request` it was built from has been garbage collected (nodejs/undici#4068), and ky
 * always hands fetch a `Request`, so a stalled body would otherwise outlive any deadline.
 * Cancelling the reader closes the connection.
 */
export async function readBody(response: Response, signal: AbortSignal, maxBytes: number): Promise<BodyRead> {
  const { body } = response;
  if (body === null) return { ok: true, text: "" };
  if (signal.aborted) throw signal.reason;
  const reader = body.getReader();
  const cancel = () => void reader.cancel(signal.reason).catch(() => {});
  signal.addEventListener("abort", cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        if (signal.aborted) throw signal.reason;
        return { ok: false, tooLarge: false, cause };
      }
      // A cancel ends the pending read as if the body were done: the signal tells them apart.
      if (signal.aborted) throw signal.reason;
      if (chunk.done) return { ok: true, text: decode(chunks, bytes) };
      bytes += chunk.value.byteLength;
      if (bytes > maxBytes) {
        void reader.cancel().catch(() => {});
        return { ok: false, tooLarge: true, bytes };
      }
      chunks.push(chunk.value);
    }
  } finally {
    signal.removeEventListener("abort", cancel);
  }
}
