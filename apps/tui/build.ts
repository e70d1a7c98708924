// Builds dist/cli.js: src/cli/cli.tsx and everything it imports, bundled by esbuild, with React in
// production mode. One bundle loads far fewer files than tsc's output, and React's development
// build is slow. Run by `pnpm build` (Node strips the types).
import { readFileSync, rmSync } from "node:fs";
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
// Ink draws every frame whole into a grid (ink/build/output.js): it splits every line into styled
// characters, in caches that last one frame, and fills the grid with a new blank cell object for
// each of its 120x40 cells. Most lines are the same from one frame to the next (a key moves the
// cursor by one row), so the bundle keeps one set of caches across frames (started again when it
// grows large) and one blank cell for all. Ink only ever reads the cached characters and the
// cells (it replaces cells, never changes one), so every frame is the same as before; each is
// cheaper to draw and leaves less garbage. Should Ink's file change, the build fails here rather
// than ship without these.
const INK_OUTPUT_EDITS: readonly (readonly [string, string])[] = [
  ["caches = new OutputCaches();", "caches = framesCaches();"],
  [
    "row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
    "row.push(BLANK_CELL);",
  ],
];
const INK_OUTPUT_ADDED = `
let sharedCaches;
/** One set of caches for every frame, started again once it holds many lines. */
const framesCaches = () => {
  if (sharedCaches === undefined || sharedCaches.styledChars.size + sharedCaches.widths.size > 20000) sharedCaches = new OutputCaches();
  return sharedCaches;
};
const BLANK_CELL = Object.freeze({ type: "char", value: " ", fullWidth: false, styles: Object.freeze([]) });`;
const inkOutput: Plugin = {
  name: "ink-output",
  setup(build) {
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, (args) => {
      let source = readFileSync(args.path, "utf8");
      for (const [from, to] of INK_OUTPUT_EDITS) {
        if (!source.includes(from))
          throw new Error(`${args.path} no longer has ${JSON.stringify(from)}: see build.ts`);
        source = source.replace(from, to);
      }
      return { contents: source + INK_OUTPUT_ADDED, loader: "js" };
    });
  },
};

await build({
  ...BUNDLE_OPTIONS,
  absWorkingDir: tui,
  entryPoints: { cli: "src/cli/cli.tsx", index: "src/index.ts" },
  outdir: "dist",
  // The sandbox (only without an API key) is loaded from its own build.
  external: [...BUNDLE_OPTIONS.external, "@agentdeck/sandbox"],
  sourcemap: true,
  plugins: [fastStringWidth, inkOutput],
});
