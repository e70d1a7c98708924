// The batch figure's anchor: the same rows run with core alone, as a script would, N at a time:
// `agents.execute` then `executions.waitForResult` (one GET per row per poll), no journal.
// Usage: node batch-anchor.ts <agentsUrl> <apiKey> <agentId> <poolId> <rows> <concurrency> <pollMs>
import { createClient } from "@agentdeck/core";

const [baseUrl, apiKey, agentId, poolId, rowsText, concurrencyText, pollText] = process.argv.slice(2);
const client = createClient({ apiKey: apiKey as string, baseUrl: baseUrl as string });
const rows = Number(rowsText);
const pollIntervalMs = Number(pollText);
let next = 0;
let completed = 0;
async function worker() {
  for (let row = next++; row < rows; row = next++) {
    const { executionId } = await client.agents.execute(agentId as string, {
      agentProfilePoolId: poolId as string,
      inputs: { n: row + 1, steps: 1 },
    });
    const execution = await client.executions.waitForResult(executionId, { pollIntervalMs });
    if (execution.status === "completed") completed++;
  }
}
await Promise.all(Array.from({ length: Number(concurrencyText) }, worker));
process.stdout.write(`completed: ${completed}\n`);
