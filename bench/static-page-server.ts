// The anchor of the sandbox throughput figure: node:http answering every request with the same
// bytes the sandbox sends for a page of pools. What is left between the two is the sandbox's own
// work (fastify, auth, sorting and slicing the store, JSON serialisation).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const body = readFileSync(process.argv[2] as string);
const server = createServer((_request, response) => {
  response.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": body.byteLength,
  });
  response.end(body);
});
server.keepAliveTimeout = 72_000;
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`url: http://127.0.0.1:${port}\n`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
