import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CliUsageError, parseCliArgs } from "./cli-options.ts";
import { httpClient } from "./test/client.ts";

const CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));

/** Runs the CLI from source with this Node (which strips the types), resolving workspace packages to their src. */
function runCli(args: string[]) {
  return spawn(process.execPath, ["--conditions=@agentdeck/source", CLI, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Reads `key: value` lines from the child's stdout until `last` appears. */
async function readBanner(child: ReturnType<typeof runCli>, last: string): Promise<Record<string, string>> {
  let text = "";
  for await (const chunk of child.stdout) {
    text += String(chunk);
    if (text.includes(`${last}:`) && text.endsWith("\n")) break;
  }
  return Object.fromEntries(
    text
      .trim()
      .split("\n")
      .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]),
  );
}

describe("the agentdeck-sandbox command", () => {
  it("prints its URLs and credentials, serves requests, and exits cleanly on SIGTERM", async () => {
    const child = runCli([
      "--port",
      "0",
      "--api-key",
      "cli-key",
      "--registry-token",
      "cli-token",
      "--seed",
      "4",
    ]);
    const banner = await readBanner(child, "startup-ms");
    expect(banner).toMatchObject({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      "api-key": "cli-key",
      "registry-token": "cli-token",
    });
    expect(banner["agents-url"]).toBe(`${banner.url}/agents/v2`);
    expect(banner["registry-url"]).toBe(`${banner.url}/api/v1`);
    const http = httpClient({ url: banner.url as string, apiKey: "cli-key", registryToken: "cli-token" });
    const context = await http.v2("GET", "/context");
    expect(context.body.organizations[0].id).toBe(banner["organization-id"]);
    expect((await http.registry("GET", "/agent")).status).toBe(200);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("exits with 2 and a clear message for a bad flag", async () => {
    const child = runCli(["--fault-rate", "3"]);
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(stderr).toMatch(/--fault-rate must be a number from 0 to 1, not "3"/);
    expect(stderr).toMatch(/Usage: agentdeck-sandbox/);
  });
});

describe("reading the command line", () => {
  it("turns every flag into its option", () => {
    const parsed = parseCliArgs([
      "--",
      "--port",
      "4010",
      "--host",
      "0.0.0.0",
      "--seed",
      "9",
      "--pools",
      "100000",
      "--api-key",
      "k",
      "--registry-token",
      "t",
      "--latency-ms",
      "25",
      "--step-ms",
      "10",
      "--fault-rate",
      "0.25",
      "--fault-status",
      "429",
      "--fault-routes",
      "GET /agents/v2/agents, /api/v1",
      "--drop-rate",
      "0.1",
    ]);
    expect(parsed).toEqual({
      help: false,
      options: {
        port: 4010,
        host: "0.0.0.0",
        seed: 9,
        pools: 100000,
        apiKey: "k",
        registryToken: "t",
        latencyMs: 25,
        stepMs: 10,
        faults: { rate: 0.25, status: 429, routes: ["GET /agents/v2/agents", "/api/v1"], dropRate: 0.1 },
      },
    });
  });

  it("gives no options for no flags, and help for -h", () => {
    expect(parseCliArgs([])).toEqual({ help: false, options: {} });
    expect(parseCliArgs(["-h"])).toEqual({ help: true });
  });

  it.each([
    [["--port", "70000"], /--port must be a whole number from 0 to 65535/],
    [["--port", "abc"], /--port must be a whole number/],
    [["--pools=-1"], /--pools must be a whole number/],
    [["--pools", "-1"], /--pools/],
    [["--step-ms", "0"], /--step-ms must be a whole number from 1/],
    [["--fault-status", "404"], /--fault-status must be one of 500, 502, 503, 429/],
    [["--drop-rate", "x"], /--drop-rate must be a number from 0 to 1/],
    [["--colour"], /Unknown option '--colour'/],
    [["--port"], /--port/],
    [["stray"], /positional/],
  ])("refuses %j", (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(CliUsageError);
    expect(() => parseCliArgs(args)).toThrow(message);
  });
});
