import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { userContext } from "./test/fixtures.ts";
import { useTestServer } from "./test/use-server.ts";
import { VERSION } from "./version.ts";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const sandboxDir = fileURLToPath(new URL("../../sandbox", import.meta.url));
const built = existsSync(`${packageDir}/dist/index.js`) && existsSync(`${packageDir}/dist/index.d.ts`);

/** Names other packages (and code outside this repo) import: renaming one is a breaking change. */
const PUBLIC_NAMES = [
  "createClient",
  "AgentdeckError",
  "ApiError",
  "BadRequestError",
  "AuthenticationError",
  "PermissionDeniedError",
  "NotFoundError",
  "ConflictError",
  "UnprocessableEntityError",
  "RateLimitError",
  "InternalServerError",
  "ConnectionError",
  "TimeoutError",
  "AbortError",
  "RequestValidationError",
  "ResponseValidationError",
  "ExecuteRequest",
  "CreatePoolRequest",
  "Execution",
  "isTerminalStatus",
];

const server = useTestServer();

describe("the package", () => {
  it("keeps VERSION equal to package.json's version", () => {
    const manifest = JSON.parse(readFileSync(`${packageDir}/package.json`, "utf8")) as { version: string };
    expect(VERSION).toBe(manifest.version);
  });

  it.skipIf(!built)(
    "imports from another workspace package under plain Node, from dist, and makes a request (skipped when dist is missing: run pnpm build)",
    async () => {
      server.route("GET /v2/context", { json: userContext() });
      const script = `
        const core = await import("@agentdeck/core");
        const missing = ${JSON.stringify(PUBLIC_NAMES)}.filter((name) => !(name in core));
        if (missing.length > 0) throw new Error("missing exports: " + missing.join(", "));
        const client = core.createClient({ apiKey: "plain-node-key", baseUrl: process.env.BASE_URL });
        const context = await client.context.get();
        console.log(JSON.stringify({ resolved: import.meta.resolve("@agentdeck/core"), context }));
      `;
      const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
        cwd: sandboxDir,
        env: { ...process.env, BASE_URL: `${server.url}/v2`, NODE_OPTIONS: "" },
      });
      const result = JSON.parse(stdout) as { resolved: string; context: unknown };
      expect(result.resolved).toMatch(/\/packages\/core\/dist\/index\.js$/);
      expect(result.context).toEqual(userContext());
      expect(server.requests[0]?.headers["x-asteroid-agents-api-key"]).toBe("plain-node-key");
    },
  );
});
