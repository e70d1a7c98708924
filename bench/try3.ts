import { createClient } from "@agentdeck/core";
import { startSandboxProcess } from "./lib/sandbox-process.ts";
const which = process.argv[2] ?? "core";
const sandbox = await startSandboxProcess({ pools: 10_000 });
const client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.agentsUrl });
const headers = { "x-asteroid-agents-api-key": sandbox.apiKey, accept: "application/json" };
const url = `${sandbox.agentsUrl}/agent-profile-pools?pageSize=50`;
const t0 = performance.now();
for (let i = 0; i < 3000; i++) {
  if (which === "core") await client.pools.list({ pageSize: 50 });
  else await (await fetch(url, { headers })).json();
}
console.log(which, ((performance.now() - t0) / 3000 * 1000).toFixed(0), "us/request");
await sandbox.close();
