// Builds dist/cli.js: src/cli/cli.tsx and everything it imports, bundled by esbuild, with React in
// production mode. One bundle loads far fewer files than tsc's output, and React's development
// build is slow. Run by `pnpm build` (Node strips the types).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { BUNDLE_OPTIONS } from "./bundle-options.ts";

const tui = import.meta.dirname;
rmSync(join(tui, "dist"), { recursive: true, force: true });
await build({
  ...BUNDLE_OPTIONS,
  absWorkingDir: tui,
  entryPoints: { cli: "src/cli/cli.tsx", index: "src/index.ts" },
  outdir: "dist",
  // The sandbox (only without an API key) is loaded from its own build.
  external: [...BUNDLE_OPTIONS.external, "@agentdeck/sandbox"],
  sourcemap: true,
});
