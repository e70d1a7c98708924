import ky from "ky";
import { CallOptions } from "./call-options.ts";
import { connectionError } from "./connection-error.ts";
import { startDeadline } from "./deadline.ts";
import { AgentdeckError } from "./errors.ts";
import type { Transport } from "./request.ts";
import { apiErrorFrom } from "./response-error.ts";
import { parseRequest } from "./validate.ts";

/** A file being downloaded: read `stream` to the end (or cancel it) to finish the call. */
export type DownloadedFile = {
  stream: ReadableStream<Uint8Array>;
  /** The `content-type` the server sent, or undefined. */
  contentType: string | undefined;
  /** The `content-length` the server sent, or undefined. */
  size: number | undefined;
};

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Streams the file a `signedUrl` points at. Signed URLs carry their own authorisation, so the API key
 * is sent only when the URL is on the API's own origin, and never across a redirect. The call's
 * `timeoutMs` and `signal` cover the whole download, until the stream ends.
 */
export async function downloadFile(
  transport: Transport,
  source: string | { signedUrl: string },
  options: CallOptions = {},
): Promise<DownloadedFile> {
  const { signal, timeoutMs } = parseRequest(CallOptions, options, "options");
  const url = typeof source === "string" ? source : source?.signedUrl;
  const origin = typeof url === "string" ? originOf(url) : undefined;
  if (url === undefined || origin === undefined || !/^https?:$/.test(new URL(url).protocol)) {
    throw new AgentdeckError(
      "Invalid download: give a file from executions.files() or its signedUrl, an http(s) URL.",
    );
  }
  const endpoint = transport.endpoints.v2;
  const sameOrigin = origin === originOf(endpoint.baseUrl);
  const shownUrl = transport.redact(url);
  const what = `GET ${shownUrl}`;
  const deadline = startDeadline(signal, timeoutMs ?? transport.timeoutMs);
  let response: Response;
  try {
    response = await ky(url, {
      method: "GET",
      headers: { "user-agent": transport.userAgent, ...(sameOrigin ? endpoint.headers : {}) },
      // The signal goes to fetch itself, as in request.ts: through ky, Node's fetch could stop hearing it.
      fetch: (input, init) =>
        (transport.fetch ?? globalThis.fetch)(input, { ...init, signal: deadline.signal }),
      // With the key attached, a redirect could carry it elsewhere; without it, following is harmless.
      redirect: sameOrigin ? "manual" : "follow",
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
    });
  } catch (error) {
    deadline.dispose();
    // A download changes nothing on the server, so whether it "acted" never matters: no advice.
    if (deadline.signal.aborted) throw deadline.error(what, { mayHaveActed: true });
    throw connectionError(error, { api: "v2", method: "GET", url: shownUrl }, transport.redact, {
      actedBefore: false,
      advice: "",
    });
  }
  if (!response.ok || response.body === null) {
    const text = await response.text().catch(() => "");
    deadline.dispose();
    throw apiErrorFrom({
      api: "v2",
      method: "GET",
      url: shownUrl,
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      text,
      credentialSent: sameOrigin && Object.keys(endpoint.headers).length > 0,
      retries: 0,
      retryAfterMs: undefined,
      redact: transport.redact,
    });
  }
  const reader = response.body.getReader();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await raceDeadline(reader.read(), deadline.signal);
        if (chunk.done) {
          deadline.dispose();
          controller.close();
        } else controller.enqueue(chunk.value);
      } catch (error) {
        deadline.dispose();
        reader.cancel().catch(() => {});
        controller.error(deadline.signal.aborted ? deadline.error(what, { mayHaveActed: true }) : error);
      }
    },
    cancel(reason) {
      deadline.dispose();
      return reader.cancel(reason);
    },
  });
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  return {
    stream,
    contentType: response.headers.get("content-type") ?? undefined,
    size: Number.isFinite(length) ? length : undefined,
  };
}

/** A read that loses to the deadline: our own signal ends it, whatever the fetch underneath does. */
function raceDeadline<T>(read: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    read.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
