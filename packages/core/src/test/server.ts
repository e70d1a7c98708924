import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

/** One request as the server received it. */
export type Recorded = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or undefined when it was empty or not JSON. */
  json: unknown;
  /** When it arrived (`performance.now()`). */
  at: number;
  /** Settles when the connection that carried the request closes: a client that gives up on a stalled answer closes it. */
  closed: Promise<void>;
};

/** An answer with a status line, headers and a body. */
export type Answer = {
  status?: number;
  /** The reason phrase after the status code; Node's default for the status when not given. */
  statusText?: string;
  /** Sent as JSON (application/json). */
  json?: unknown;
  /** Sent as is (text/plain unless headers say otherwise). */
  text?: string;
  /** Sent as is, with only the headers given: bytes that are not what they claim, such as bad gzip. */
  bytes?: Uint8Array;
  headers?: Record<string, string>;
  /** Waits this long before answering: a slow server. */
  delayMs?: number;
};

/** What the server does with a request. */
export type Reply =
  | Answer
  /** Reads the request, then destroys the socket without answering. */
  | { drop: true }
  /**
   * Sends the status and headers with `content-length: 500` and the first bytes of the body, then
   * waits for ever (`stall`) or closes the connection (`cut`).
   */
  | { status?: number; headers?: Record<string, string>; partial: string; ending: "stall" | "cut" }
  /** A gzip bomb: `content-encoding: gzip`, inflating to `bytes` of zeros, sent as fast as the client reads. */
  | { gzipBomb: number }
  /** Writes `raw` to the socket as the whole response, status line included, then closes it. */
  | { raw: string };

type Handler = Reply | ((request: Recorded) => Reply);

type Route = { method: string; pattern: RegExp; handlers: Handler[]; served: number };

function patternOf(path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:[a-zA-Z]+/g, "[^/]+");
  return new RegExp(`^${escaped}$`);
}

/**
 * A purpose-built HTTP server on 127.0.0.1 for the client's tests: it records every request and
 * answers from replies scripted per route, faults included.
 */
export class TestServer {
  /** Every request received, in order. */
  readonly requests: Recorded[] = [];
  #routes: Route[] = [];
  #waiters: { match: (request: Recorded) => boolean; resolve: (request: Recorded) => void }[] = [];
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #server = createServer((req, res) => void this.#handle(req, res));
  url = "";

  /** Starts listening on a free port. */
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  /**
   * Scripts `METHOD /path/:param`: each request gets the next reply, and the last one repeats.
   * A later route for the same path takes precedence.
   */
  route(route: string, ...handlers: Handler[]): this {
    const [method = "", path = ""] = route.split(" ");
    this.#routes.unshift({ method, pattern: patternOf(path), handlers, served: 0 });
    return this;
  }

  /** The recorded requests to `METHOD /path/:param`. */
  received(route: string): Recorded[] {
    const [method = "", path = ""] = route.split(" ");
    const pattern = patternOf(path);
    return this.requests.filter((r) => r.method === method && pattern.test(r.path));
  }

  /** Resolves with the first request (already received or still to come) that matches. */
  waitForRequest(match: (request: Recorded) => boolean): Promise<Recorded> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  /** Forgets recorded requests and scripted routes. */
  reset(): void {
    this.requests.length = 0;
    this.#routes = [];
  }

  async close(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let json: unknown;
    try {
      json = body === "" ? undefined : JSON.parse(body);
    } catch {
      json = undefined;
    }
    const { socket } = req;
    const closed = socket.destroyed
      ? Promise.resolve()
      : new Promise<void>((resolve) => socket.once("close", () => resolve()));
    const recorded: Recorded = {
      at: performance.now(),
      closed,
      method: req.method ?? "",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      json,
    };
    this.requests.push(recorded);
    this.#waiters = this.#waiters.filter((waiter) => {
      if (!waiter.match(recorded)) return true;
      waiter.resolve(recorded);
      return false;
    });

    const route = this.#routes.find((r) => r.method === recorded.method && r.pattern.test(recorded.path));
    if (!route) {
      this.#send(res, {
        status: 404,
        json: { code: 404, message: `no route for ${recorded.method} ${recorded.path}` },
      });
      return;
    }
    const handler = route.handlers[Math.min(route.served, route.handlers.length - 1)];
    route.served++;
    const reply = typeof handler === "function" ? handler(recorded) : (handler ?? {});
    if ("drop" in reply) {
      req.socket.destroy();
      return;
    }
    if ("partial" in reply) {
      res.writeHead(reply.status ?? 200, { "content-length": "500", ...reply.headers });
      res.write(reply.partial);
      if (reply.ending === "cut") setImmediate(() => req.socket.destroy());
      return;
    }
    if ("gzipBomb" in reply) {
      sendGzipBomb(res, reply.gzipBomb);
      return;
    }
    if ("raw" in reply) {
      req.socket.end(reply.raw);
      return;
    }
    if (reply.delayMs) {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        this.#send(res, reply);
      }, reply.delayMs);
      this.#timers.add(timer);
      return;
    }
    this.#send(res, reply);
  }

  #send(res: ServerResponse, reply: Answer): void {
    if (res.destroyed) return;
    const headers: Record<string, string> = {};
    let payload: string | Uint8Array = "";
    if (reply.bytes !== undefined) {
      payload = reply.bytes;
    } else if (reply.json !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(reply.json);
    } else if (reply.text !== undefined) {
      headers["content-type"] = "text/plain";
      payload = reply.text;
    }
    const status = reply.status ?? 200;
    const allHeaders = { ...headers, ...reply.headers };
    if (reply.statusText === undefined) res.writeHead(status, allHeaders);
    else res.writeHead(status, reply.statusText, allHeaders);
    res.end(payload);
  }
}

// 16 MiB of zeros deflate to 16 kB; gzip members concatenated inflate to their contents concatenated.
const BOMB_MEMBER_BYTES = 16 * 1024 * 1024;
let bombMember: Buffer | undefined;

function sendGzipBomb(res: ServerResponse, bytes: number): void {
  bombMember ??= gzipSync(Buffer.alloc(BOMB_MEMBER_BYTES), { level: 9 });
  const member = bombMember;
  res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
  let left = Math.ceil(bytes / BOMB_MEMBER_BYTES);
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      left--;
      if (!res.write(member)) {
        res.once("drain", pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

/** A started server; close it in afterAll/afterEach. */
export function startTestServer(): Promise<TestServer> {
  return new TestServer().start();
}
