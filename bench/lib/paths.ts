import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const repo = new URL("../../", import.meta.url);
const at = (path: string) => fileURLToPath(new URL(path, repo));

/** The built programs the benchmarks start: what users run, not the TypeScript source. */
export const paths = {
  coreEntry: at("packages/core/dist/index.js"),
  sandboxCli: at("packages/sandbox/dist/cli.js"),
  /** BENCH_TUI_CLI measures another build of the TUI (a bundle, say) in its place. */
  tuiCli: process.env.BENCH_TUI_CLI || at("apps/tui/dist/cli.js"),
  /** The `agentdeck` command (apps/cli's bundle). */
  cliBin: at("apps/cli/dist/agentdeck.js"),
  inkHello: at("bench/ink-hello.js"),
  inkHelloEntry: at("bench/ink-hello-entry.js"),
  echoKeys: at("bench/echo-keys.js"),
  inkList: at("bench/ink-list.js"),
  staticPageServer: at("bench/static-page-server.ts"),
  autocannon: at("bench/node_modules/autocannon/autocannon.js"),
  results: at("bench/results.json"),
  profiles: at("bench/profiles"),
} as const;

/** Fails with what to do when a program the benchmarks start has not been built. */
export function requireBuilt(path: string): string {
  if (!existsSync(path)) {
    throw new Error(`${path} does not exist: run \`bash scripts/dev.sh exec pnpm run build\` first`);
  }
  return path;
}
