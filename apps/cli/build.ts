// Builds dist/: src/bin.ts (the `agentdeck` command) and src/index.ts, bundled by esbuild. One bundle
// loads far fewer files than tsc's output, which is most of a short command's start-up. What is
// imported dynamically stays in a file of its own, so `agentdeck pools list` loads only its own
// code. The TUI is not bundled: it is imported from its own build, and only to open it.
// Run by `pnpm build` (Node strips the types).
import { chmodSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type BuildOptions, build } from "esbuild";

const cli = import.meta.dirname;
rmSync(join(cli, "dist"), { recursive: true, force: true });
const options = {
  absWorkingDir: cli,
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  external: ["@agentdeck/tui"],
  sourcemap: true,
  logLevel: "warning",
} satisfies BuildOptions;
// The command on its own, so its chunks are cut by what it loads lazily, not by what it shares with
// the library entry; that one (runCli for programs and tests) is one file.
await build({ ...options, entryPoints: { agentdeck: "src/bin.ts" }, splitting: true });
await build({ ...options, entryPoints: { index: "src/index.ts" } });
chmodSync(join(cli, "dist", "agentdeck.js"), 0o755);
