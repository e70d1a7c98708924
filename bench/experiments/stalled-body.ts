// The stalled body of issue 13, reduced: a server answers 200, `content-length: 500` and `{`, then
// waits. Each variant gets a signal that aborts after 300 ms; a call still pending 3 s later hung.
// Run twice, with and without forced GC:
//   bash scripts/dev.sh exec bash -c "cd bench && node experiments/stalled-body.ts"
//   bash scripts/dev.sh exec bash -c "cd bench && node --expose-gc experiments/stalled-body.ts"
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "@agentdeck/core";
import ky from "ky";

const RUNS = Number(process.env.RUNS ?? 50);
const server = createServer((_, response) => {
  response.writeHead(200, { "content-type": "application/json", "content-length": "500" });
  response.write("{");
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/context`;
const client = createClient({ apiKey: "k", baseUrl: url.replace("/context", ""), maxRetries: 0 });

const variants: Record<string, (signal: AbortSignal) => Promise<unknown>> = {
  "fetch(url, { signal })": async (signal) => (await fetch(url, { signal })).text(),
  // What ky does: hand fetch a Request that carries the signal. Node's fetch follows that Request's
  // signal through a WeakRef; once the Request is collected, the abort never reaches the body.
  "fetch(new Request(url, { signal }))": async (signal) => (await fetch(new Request(url, { signal }))).text(),
  "ky(url, { signal }) + text()": async (signal) =>
    (await ky(url, { signal, retry: 0, timeout: false, throwHttpErrors: false })).text(),
  "core context.get({ signal })": (signal) => client.context.get({ signal }),
};

const gc = (globalThis as { gc?: () => void }).gc;
const collector = gc ? setInterval(gc, 10) : undefined;
for (const [name, run] of Object.entries(variants)) {
  let hung = 0;
  for (let i = 0; i < RUNS; i++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 300);
    const call = run(controller.signal).then(
      () => "resolved",
      () => "rejected",
    );
    const outcome = await Promise.race([
      call,
      new Promise((resolve) => setTimeout(() => resolve("hung"), 3_000)),
    ]);
    clearTimeout(timer);
    if (outcome === "hung") hung++;
  }
  console.log(`${name.padEnd(38)} ${gc ? "gc every 10 ms" : "no forced gc  "}  hung ${hung} of ${RUNS}`);
}
clearInterval(collector);
server.closeAllConnections();
server.close();
process.exit(0);
