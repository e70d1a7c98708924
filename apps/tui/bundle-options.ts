import type { BuildOptions } from "esbuild";

/**
 * How agentdeck is bundled (build.ts): one ESM bundle for Node with React in production mode. The
 * start-up benchmark bundles its bare Ink program with these same options.
 */
export const BUNDLE_OPTIONS = {
  bundle: true,
  // What is imported dynamically stays in files of its own, loaded only when needed.
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node22",
  define: { "process.env.NODE_ENV": '"production"' },
  // Bundled CommonJS (signal-exit, in Ink) calls require() for Node built-ins.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  // Ink imports React DevTools only when DEV=true, and only if it is installed.
  external: ["react-devtools-core"],
  logLevel: "warning",
} satisfies BuildOptions;
