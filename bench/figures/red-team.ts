import { readFileSync } from "node:fs";
import {
  AgentdeckError,
  type Client,
  createClient,
  InternalServerError,
  isTerminalStatus,
} from "@agentdeck/core";
import { type FigureContext, type FigureOutcome, format } from "../lib/figure.ts";
import { startSandboxProcess } from "../lib/sandbox-process.ts";

/** `figures.redTeam` of results.json: the red-team pass of issue 13, rerun through core. */
export type RedTeamResult = {
  /** Mixed reads and writes through core against a sandbox of 10,000 pools, 16 at a time. */
  load: {
    requests: number;
    /** Answers with a 5xx: must be 0. */
    serverErrors: number;
    /** Any other failure of a call: must be 0. */
    otherErrors: number;
    seconds: number;
    sandboxPeakRssMiB: number | null;
    clientPeakRssMiB: number;
  };
  /** `waitForResult` on runs whose every `GET /executions/{id}` fails with 503 half the time. */
  waits: { executions: number; finished: number; failedPolls: number; lost: number };
  /** Executes whose connection is dropped 30% of the time: each is found once or known not to have started. */
  executes: {
    sent: number;
    answered: number;
    /** Failed with `mayHaveActed` true, then looked up by their metadata as the error says. */
    unknownFate: number;
    /** Of those, how many had started (found once). */
    foundStarted: number;
    /** Runs found twice for one execute: must be 0 (an execute is never sent twice). */
    doubled: number;
    /** Executes whose fate could not be told: must be 0. */
    lost: number;
  };
  met: boolean;
};

function peakRssMiB(pid: number): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? null : Number((Number(kb) / 1024).toFixed(1));
  } catch {
    return null;
  }
}

/** Runs `tasks` with at most `width` at once. */
async function inParallel<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

/** An agent and a pool of the sandbox's demo data that can run many executions at once. */
async function runnable(client: Client): Promise<{ agentId: string; poolId: string }> {
  const agent = (await client.agents.list({ pageSize: 1 })).items[0];
  const pool = (await client.pools.list({ pageSize: 1 })).items[0];
  if (!agent || !pool) throw new Error("the sandbox's demo data has no agent or no pool");
  await client.pools.update(pool.id, { allowConcurrentUse: true });
  return { agentId: agent.id, poolId: pool.id };
}

async function load(requests: number, context: FigureContext): Promise<RedTeamResult["load"]> {
  const sandbox = await startSandboxProcess({ pools: 10_000, profile: context.profile("sandbox-load") });
  try {
    const client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.agentsUrl, maxRetries: 0 });
    const { organizationId } = (await client.pools.list({ pageSize: 1 })).items[0] ?? {};
    const ids = (await client.pools.list({ pageSize: 100 })).items.map((pool) => pool.id);
    let serverErrors = 0;
    let otherErrors = 0;
    const calls: (() => Promise<unknown>)[] = [
      () => client.pools.list({ page: 1 + Math.floor(Math.random() * 200), pageSize: 50 }),
      () => client.pools.get(ids[Math.floor(Math.random() * ids.length)] as string),
      () => client.pools.list({ searchName: "pool 1", pageSize: 20 }),
      () => client.agents.list(),
      () => client.executions.list({ pageSize: 20 }),
      () => client.context.get(),
      () =>
        client.pools.create({
          name: `red team ${crypto.randomUUID()}`,
          organizationId: organizationId as string,
        }),
    ];
    const started = performance.now();
    await inParallel(
      Array.from({ length: requests }, (_, i) => async () => {
        try {
          await (calls[i % calls.length] as () => Promise<unknown>)();
        } catch (error) {
          if (error instanceof InternalServerError) serverErrors++;
          else otherErrors++;
        }
      }),
      16,
    );
    return {
      requests,
      serverErrors,
      otherErrors,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
      sandboxPeakRssMiB: peakRssMiB(sandbox.pid),
      clientPeakRssMiB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
    };
  } finally {
    await sandbox.close();
  }
}

async function waits(count: number): Promise<RedTeamResult["waits"]> {
  const sandbox = await startSandboxProcess({
    args: [
      "--step-ms",
      "20",
      "--fault-rate",
      "0.5",
      "--fault-status",
      "503",
      "--fault-routes",
      "GET /agents/v2/executions/{executionId}",
    ],
  });
  try {
    const client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.agentsUrl, maxRetries: 0 });
    const { agentId, poolId } = await runnable(client);
    let failedPolls = 0;
    const outcomes = await Promise.all(
      Array.from({ length: count }, async () => {
        const { executionId } = await client.agents.execute(agentId, { agentProfilePoolId: poolId });
        return client.executions
          .waitForResult(executionId, {
            pollIntervalMs: 50,
            timeoutMs: 120_000,
            onError: () => failedPolls++,
          })
          .then((run) => isTerminalStatus(run.status));
      }),
    );
    const finished = outcomes.filter(Boolean).length;
    return { executions: count, finished, failedPolls, lost: count - finished };
  } finally {
    await sandbox.close();
  }
}

async function executes(count: number): Promise<RedTeamResult["executes"]> {
  const sandbox = await startSandboxProcess({
    args: ["--drop-rate", "0.3", "--fault-routes", "POST /agents/v2/agents"],
  });
  try {
    const client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.agentsUrl });
    const { agentId, poolId } = await runnable(client);
    const outcomes = await inParallel(
      Array.from({ length: count }, () => async () => {
        const metadataValue = crypto.randomUUID();
        const sent = client.agents.execute(agentId, {
          agentProfilePoolId: poolId,
          metadata: { redTeam: metadataValue },
        });
        const answered = await sent.then(
          () => true,
          (error: unknown) => {
            if (!(error instanceof AgentdeckError) || !error.mayHaveActed) throw error;
            return false;
          },
        );
        // What the error's message says to do: look the run up by the metadata it was started with.
        const found = (await client.executions.list({ agentId, metadataKey: "redTeam", metadataValue }))
          .total;
        return { answered, found };
      }),
      8,
    );
    const unknown = outcomes.filter((o) => !o.answered);
    return {
      sent: count,
      answered: outcomes.length - unknown.length,
      unknownFate: unknown.length,
      foundStarted: unknown.filter((o) => o.found === 1).length,
      doubled: outcomes.filter((o) => o.found > 1).length,
      lost: outcomes.filter((o) => (o.answered ? o.found !== 1 : o.found > 1)).length,
    };
  } finally {
    await sandbox.close();
  }
}

/** The red-team pass rerun through core: load, waits through failing polls, executes through drops. */
export async function redTeam(context: FigureContext): Promise<FigureOutcome<RedTeamResult>> {
  const loadResult = await load(context.quick ? 2_000 : 20_000, context);
  context.log(`${loadResult.requests} requests in ${loadResult.seconds} s`);
  const waitResult = await waits(context.quick ? 5 : 20);
  const executeResult = await executes(context.quick ? 20 : 100);
  const met =
    loadResult.serverErrors === 0 &&
    loadResult.otherErrors === 0 &&
    waitResult.lost === 0 &&
    executeResult.doubled === 0 &&
    executeResult.lost === 0;
  const result: RedTeamResult = { load: loadResult, waits: waitResult, executes: executeResult, met };
  return {
    result,
    rows: [
      {
        figure: "8 red team: requests through core",
        value: `${format(loadResult.requests)} req, ${loadResult.serverErrors} 5xx, ${loadResult.otherErrors} errors`,
        anchor: `peak RSS sandbox ${format(loadResult.sandboxPeakRssMiB)} MiB, client ${format(loadResult.clientPeakRssMiB)} MiB`,
        ratio: "—",
        target: "0 5xx, 0 errors",
        met: loadResult.serverErrors === 0 && loadResult.otherErrors === 0,
      },
      {
        figure: "8 red team: waits through 50% 503 polls",
        value: `${waitResult.finished}/${waitResult.executions} finished`,
        anchor: `${waitResult.failedPolls} failed polls survived`,
        ratio: "—",
        target: "0 lost",
        met: waitResult.lost === 0,
      },
      {
        figure: "8 red team: executes through 30% drops",
        value: `${executeResult.answered} answered, ${executeResult.unknownFate} unknown`,
        anchor: `${executeResult.foundStarted} of those found started, ${executeResult.doubled} doubled`,
        ratio: "—",
        target: "0 lost, 0 doubled",
        met: executeResult.doubled === 0 && executeResult.lost === 0,
      },
    ],
  };
}
