import { parseArgs } from "node:util";
import { FAULT_STATUSES, type FaultOptions } from "./http/faults.ts";
import type { SandboxOptions } from "./sandbox.ts";

export const USAGE = `Usage: agentdeck-sandbox [options]

Serves the Asteroid Agents API v2 (/agents/v2) and the agent registry API v1 (/api/v1)
with seeded demo data, until Ctrl-C.

Options:
  --port N               port to listen on; 0 picks a free one (default 0)
  --host HOST            interface to listen on (default 127.0.0.1)
  --seed N               seed of the demo data, ids and faults (default 1)
  --pools N              number of pools to generate (default 8)
  --api-key KEY          v2 API key, sent as X-Asteroid-Agents-Api-Key (default sandbox-demo-key)
  --registry-token TOKEN registry token, sent as Authorization: Bearer (default sandbox-demo-token)
  --latency-ms N         delay added to every request (default 0)
  --step-ms N            time between two steps of a running execution (default 700)
  --fault-rate R         share of requests, 0 to 1, that fail with --fault-status (default 0)
  --fault-status S       500, 502, 503 or 429 (default 500)
  --fault-routes LIST    comma-separated routes that may fail, e.g. "GET /agents/v2/agents,/api/v1"
  --drop-rate R          share of requests, 0 to 1, whose connection is dropped (default 0)
  -h, --help             show this help
`;

/** A bad command line: the message says which flag and what it takes. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

/** Reads the command line into sandbox options; throws CliUsageError on anything it cannot use. */
export function parseCliArgs(
  argv: readonly string[],
): { help: true } | { help: false; options: SandboxOptions } {
  // `pnpm start -- --port 4010` passes the `--` through.
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        seed: { type: "string" },
        pools: { type: "string" },
        "api-key": { type: "string" },
        "registry-token": { type: "string" },
        "latency-ms": { type: "string" },
        "step-ms": { type: "string" },
        "fault-rate": { type: "string" },
        "fault-status": { type: "string" },
        "fault-routes": { type: "string" },
        "drop-rate": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (values.help === true) return { help: true };

  const text = (name: string) => {
    const value = values[name];
    if (value === undefined) return undefined;
    if (typeof value !== "string" || value.trim() === "") throw new CliUsageError(`--${name} needs a value`);
    return value;
  };
  const whole = (name: string, min: number, max: number) => {
    const value = text(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      throw new CliUsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
    }
    return n;
  };
  const share = (name: string) => {
    const value = text(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^\d*\.?\d+$/.test(value) || n > 1) {
      throw new CliUsageError(`--${name} must be a number from 0 to 1, not "${value}"`);
    }
    return n;
  };

  const options: SandboxOptions = {};
  const set = <K extends keyof SandboxOptions>(key: K, value: SandboxOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set("port", whole("port", 0, 65_535));
  set("host", text("host"));
  set("seed", whole("seed", 0, 2 ** 32 - 1));
  set("pools", whole("pools", 0, 1_000_000));
  set("apiKey", text("api-key"));
  set("registryToken", text("registry-token"));
  set("latencyMs", whole("latency-ms", 0, 600_000));
  set("stepMs", whole("step-ms", 1, 3_600_000));

  const faults: FaultOptions = {};
  const rate = share("fault-rate");
  const dropRate = share("drop-rate");
  const statusText = text("fault-status");
  const routes = text("fault-routes");
  if (rate !== undefined) faults.rate = rate;
  if (dropRate !== undefined) faults.dropRate = dropRate;
  if (statusText !== undefined) {
    const status = Number(statusText);
    if (!(FAULT_STATUSES as readonly number[]).includes(status)) {
      throw new CliUsageError(
        `--fault-status must be one of ${FAULT_STATUSES.join(", ")}, not "${statusText}"`,
      );
    }
    faults.status = status as FaultOptions["status"];
  }
  if (routes !== undefined) {
    faults.routes = routes
      .split(",")
      .map((route) => route.trim())
      .filter((route) => route !== "");
  }
  if (Object.keys(faults).length > 0) options.faults = faults;
  return { help: false, options };
}
