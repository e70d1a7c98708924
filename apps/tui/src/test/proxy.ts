import { createServer, type IncomingMessage, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the proxy saw it: method and path (with the query). */
export type ProxiedRequest = { readonly method: string; readonly path: string };

/** An answer the proxy gives itself, in place of the sandbox's. */
export type ProxyAnswer = {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
};

/**
 * An HTTP proxy on 127.0.0.1 in front of a sandbox, for faults a sandbox cannot make by itself:
 * `before` may hold a request back (it is forwarded when the promise settles) and `after` runs
 * once its answer has been sent back, so a test can order what the server sees; `answer` may
 * answer a request itself (a 503 the sandbox would not give at that moment).
 */
export class FaultProxy {
  before: (req: ProxiedRequest) => Promise<void> | void = () => {};
  answer: (req: ProxiedRequest) => ProxyAnswer | undefined = () => undefined;
  after: (req: ProxiedRequest) => void = () => {};
  /** Requests forwarded and not answered yet. */
  inFlight = 0;

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {}

  /** Starts a proxy to `target` (a sandbox's `url`). */
  static async start(target: string): Promise<FaultProxy> {
    const server = createServer();
    const proxy = new FaultProxy(server, new URL(target));
    server.on("request", (req, res) => void proxy.forward(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  /** The proxy's origin, to use in place of the sandbox's. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async forward(req: IncomingMessage, res: import("node:http").ServerResponse) {
    const seen: ProxiedRequest = { method: req.method ?? "GET", path: req.url ?? "/" };
    this.inFlight++;
    const body: Buffer[] = [];
    for await (const chunk of req) body.push(chunk as Buffer);
    await this.before(seen);
    const own = this.answer(seen);
    if (own !== undefined) {
      res.writeHead(own.status, { "content-type": "application/json", ...own.headers });
      res.end(own.body);
      this.inFlight--;
      this.after(seen);
      return;
    }
    const upstream = request(
      {
        host: this.target.hostname,
        port: this.target.port,
        method: seen.method,
        path: seen.path,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on("end", () => {
          this.inFlight--;
          this.after(seen);
        });
      },
    );
    upstream.on("error", () => {
      this.inFlight--;
      res.destroy();
    });
    upstream.end(Buffer.concat(body));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
