// Builds dist/cli.js: src/cli.tsx and everything it imports, bundled by esbuild, with React in
// production mode. One bundle loads far fewer files than tsc's output, and React's development
// build is slow. Run by `pnpm build` (Node strips the types).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const tui = import.meta.dirname;
rmSync(join(tui, "dist"), { recursive: true, force: true });
await build({
  absWorkingDir: tui,
  entryPoints: ["src/cli.tsx"],
  outdir: "dist",
  bundle: true,
  // What cli.tsx imports dynamically stays in files of its own, loaded only when needed.
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node22",
  define: { "process.env.NODE_ENV": '"production"' },
  // Bundled CommonJS (signal-exit, in Ink) calls require() for Node built-ins.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  // The sandbox (only without an API key) is loaded from its own build; Ink imports React DevTools
  // only when DEV=true, and only if it is installed.
  external: ["@agentdeck/sandbox", "react-devtools-core"],
  sourcemap: true,
  logLevel: "warning",
});
