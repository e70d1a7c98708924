// What-if for the TUI start-up and keystroke figures: apps/tui/dist as one esbuild bundle with
// React in production mode, the way a CLI could ship. It writes /tmp/agentdeck-bundle/dist/cli.js;
// measure it in place of the real build with
//   BENCH_TUI_CLI=/tmp/agentdeck-bundle/dist/cli.js node run.ts --only tuiStartup,tuiKeystrokes
// Add --keep-names for readable CPU profiles.
import { copyFileSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const tui = fileURLToPath(new URL("../../apps/tui/", import.meta.url));
const out = "/tmp/agentdeck-bundle";

const plugins: Plugin[] = [
  {
    name: "exact-case",
    setup(esbuild) {
      // dist holds both PoolForm.js and poolForm.js (and Run…, Registry…): esbuild folds case, so
      // the lower-case ones are loaded by exact path here.
      esbuild.onResolve({ filter: /^\.\/(poolForm|registryForm|runForm)\.js$/ }, (args) => ({
        path: join(args.resolveDir, args.path),
        namespace: "exact-case",
      }));
      esbuild.onLoad({ filter: /.*/, namespace: "exact-case" }, async (args) => ({
        contents: await readFile(args.path, "utf8"),
        loader: "js",
        resolveDir: dirname(args.path),
      }));
    },
  },
  {
    // Ink imports React DevTools only when DEV=true; the bundle needs something to resolve.
    name: "no-devtools",
    setup(esbuild) {
      esbuild.onResolve({ filter: /^react-devtools-core$/ }, () => ({
        path: "react-devtools-core",
        namespace: "stub",
      }));
      esbuild.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
        contents: "export default { initialize() {}, connectToDevTools() {} };",
        loader: "js",
      }));
    },
  },
];

const keepNames = process.argv.includes("--keep-names");
const result = await build({
  entryPoints: [join(tui, "dist/cli.js")],
  outfile: join(out, "dist/cli.js"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  minify: !keepNames,
  define: { "process.env.NODE_ENV": '"production"' },
  // CommonJS dependencies (react) call require() for Node built-ins.
  banner: {
    js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
  },
  plugins,
  metafile: true,
  logLevel: "error",
});
// cli.js reads ../package.json for --version.
mkdirSync(out, { recursive: true });
copyFileSync(join(tui, "package.json"), join(out, "package.json"));
process.stdout.write(
  `${join(out, "dist/cli.js")}: ${Object.keys(result.metafile.inputs).length} modules in one file\n`,
);
