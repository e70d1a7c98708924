// A CPU profile of `client.pools.list({ pageSize: 50 })` alone, against a sandbox of 10,000 pools
// in its own process: where core's microseconds go, function by function.
// Run: bash scripts/dev.sh exec bash -c "cd bench && node --cpu-prof --cpu-prof-dir=profiles/pools-list experiments/profile-pools-list.ts && node summarize-profile.ts profiles/pools-list"
import { createClient } from "@agentdeck/core";
import { startSandboxProcess } from "../lib/sandbox-process.ts";

const CALLS = 5_000;
const sandbox = await startSandboxProcess({ pools: 10_000 });
const client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.agentsUrl });
for (let i = 0; i < 500; i++) await client.pools.list({ pageSize: 50 });
const started = performance.now();
for (let i = 0; i < CALLS; i++) await client.pools.list({ pageSize: 50 });
console.log(`${CALLS} calls, ${(((performance.now() - started) / CALLS) * 1000).toFixed(0)} µs each`);
await sandbox.close();
