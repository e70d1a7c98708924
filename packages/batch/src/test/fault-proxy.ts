import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** What the proxy does with one request. */
export type ProxyAction =
  /** Pass it on (after `delayMs`, as a slow network would) and return the answer. */
  | { forward: true; delayMs?: number }
  /** Answer it here; the server behind never sees it. */
  | { status: number; body: unknown; headers?: Record<string, string> }
  /** Close the connection without an answer; the server behind never sees it. */
  | { dropBeforeServer: true }
  /** Pass it on, let the server act on it, then close the connection instead of returning the answer. */
  | { dropAnswer: true };

export type ProxiedRequest = { method: string; path: string; body: unknown; at: number };

/**
 * A proxy on 127.0.0.1 in front of a real server (the sandbox), for faults the sandbox cannot make
 * itself: refusing one row, or losing the answer of a request the server did act on. `log` holds
 * every request it saw, in order, with the time it arrived.
 */
export async function startFaultProxy(
  targetUrl: string,
  decide: (request: ProxiedRequest) => ProxyAction,
): Promise<{ url: string; log: ProxiedRequest[]; close(): Promise<void> }> {
  const target = new URL(targetUrl);
  const log: ProxiedRequest[] = [];
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    let body: unknown;
    try {
      body = raw.length === 0 ? undefined : JSON.parse(raw.toString("utf8"));
    } catch {
      body = raw.toString("utf8");
    }
    const seen: ProxiedRequest = {
      method: incoming.method ?? "GET",
      path: incoming.url ?? "/",
      body,
      at: Date.now(),
    };
    log.push(seen);
    const action = decide(seen);
    if ("dropBeforeServer" in action) {
      incoming.socket.destroy();
      return;
    }
    if ("status" in action) {
      outgoing.writeHead(action.status, { "content-type": "application/json", ...action.headers });
      outgoing.end(JSON.stringify(action.body));
      return;
    }
    if ("delayMs" in action && action.delayMs !== undefined)
      await new Promise((r) => setTimeout(r, action.delayMs));
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer: IncomingMessage) => {
        if ("dropAnswer" in action) {
          answer.resume();
          answer.on("end", () => incoming.socket.destroy());
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", () => incoming.socket.destroy());
    upstream.end(raw);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
