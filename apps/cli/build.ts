// Builds dist/: src/bin.ts (the `agentdeck` command) and src/index.ts, bundled by esbuild. One bundle
// loads far fewer files than tsc's output, which is most of a short command's start-up. What is
// imported dynamically stays in a file of its own, so `agentdeck pools list` loads only its own
// code. The TUI is not bundled: it is imported from its own build, and only to open it.
// Run by `pnpm build` (Node strips the types).
import { chmodSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const cli = import.meta.dirname;
rmSync(join(cli, "dist"), { recursive: true, force: true });
await build({
  absWorkingDir: cli,
  entryPoints: { agentdeck: "src/bin.ts", index: "src/index.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node22",
  external: ["@agentdeck/tui"],
  sourcemap: true,
  logLevel: "warning",
});
chmodSync(join(cli, "dist", "agentdeck.js"), 0o755);
