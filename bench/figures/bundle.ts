import { gzipSync } from "node:zlib";
import { build, type Metafile, stop } from "esbuild";
import { type FigureContext, type FigureOutcome, format } from "../lib/figure.ts";
import { paths, requireBuilt } from "../lib/paths.ts";
import { ratio, type Stat, summarize } from "../lib/stats.ts";

/** One browser bundle of @agentdeck/core. */
export type BundleSize = {
  /** Minified bytes. */
  minified: Stat;
  /** Minified, then gzipped at level 9 (bytes). */
  gzipped: Stat;
  /** The packages that weigh most in the minified output, in bytes. */
  largestPackages: { name: string; bytes: number }[];
};

/** `figures.bundle` of results.json. */
export type BundleResult = {
  entry: string;
  /** Everything core needs in a browser: core, ky and zod. */
  total: BundleSize;
  /** The same with zod left out (marked external), for an app that already ships zod. */
  withoutZod: BundleSize;
  /** gzipped(total) / gzipped(withoutZod). */
  ratio: number | null;
};

function packageOf(input: string): string {
  const modules = input.lastIndexOf("node_modules/");
  if (modules < 0) return input.includes("packages/core/") ? "@agentdeck/core" : input;
  const rest = input.slice(modules + "node_modules/".length).split("/");
  return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] as string);
}

function largestPackages(metafile: Metafile): { name: string; bytes: number }[] {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes].map(([name, size]) => ({ name, bytes: size })).sort((a, b) => b.bytes - a.bytes);
}

async function bundle(entry: string, external: string[]): Promise<BundleSize> {
  const output = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify: true,
    write: false,
    metafile: true,
    external,
    logLevel: "silent",
  });
  const code = output.outputFiles[0]?.contents;
  if (code === undefined) throw new Error("esbuild wrote no bundle");
  const one = (bytes: number) => summarize([bytes], "bytes", { digits: 0 });
  return {
    minified: one(code.byteLength),
    gzipped: one(gzipSync(code, { level: 9 }).byteLength),
    largestPackages: largestPackages(output.metafile),
  };
}

/** Figure 5: what @agentdeck/core weighs in a browser app, with and without zod. */
export async function bundleSize(_context: FigureContext): Promise<FigureOutcome<BundleResult>> {
  const entry = requireBuilt(paths.coreEntry);
  // A bundle is deterministic: one build each is the whole story.
  const total = await bundle(entry, []);
  const withoutZod = await bundle(entry, ["zod", "zod/*"]);
  await stop();
  const result: BundleResult = {
    entry: "packages/core/dist/index.js",
    total,
    withoutZod,
    ratio: ratio(total.gzipped.median, withoutZod.gzipped.median),
  };
  const kb = (stat: Stat) => `${format(stat.median / 1024, 1)} kB`;
  return {
    result,
    rows: [
      {
        figure: "5 core browser bundle, min+gzip",
        value: kb(total.gzipped),
        anchor: `without zod ${kb(withoutZod.gzipped)}`,
        ratio: `${format(result.ratio, 2)}×`,
        target: "—",
        met: null,
      },
    ],
  };
}
