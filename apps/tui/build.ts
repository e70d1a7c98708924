// Builds dist/cli.js: src/cli/cli.tsx and everything it imports, bundled by esbuild, with React in
// production mode. One bundle loads far fewer files than tsc's output, and React's development
// build is slow. Run by `pnpm build` (Node strips the types).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { BUNDLE_OPTIONS } from "./bundle-options.ts";

const tui = import.meta.dirname;
const shim = join(tui, "src/common/stringWidth.ts");

// Every package that measures text with string-width (Ink, to lay out and write each line) gets
// src/common/stringWidth.ts: the same widths, with a fast path for the characters the UI draws.
const fastStringWidth: Plugin = {
  name: "fast-string-width",
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) =>
      args.importer === shim ? undefined : { path: shim },
    );
  },
};
rmSync(join(tui, "dist"), { recursive: true, force: true });
// Ink's own frame drawing is patched in the dependency itself (patches/ink@8.0.0.patch, see
// patches/README.md), so the tests run the Ink that ships.
await build({
  ...BUNDLE_OPTIONS,
  absWorkingDir: tui,
  entryPoints: { cli: "src/cli/cli.tsx", index: "src/index.ts" },
  outdir: "dist",
  // The sandbox (only without an API key) is loaded from its own build.
  external: [...BUNDLE_OPTIONS.external, "@agentdeck/sandbox"],
  sourcemap: true,
  plugins: [fastStringWidth],
});
