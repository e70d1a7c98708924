// Reads V8 CPU profiles without a flame graph: the functions with the most self time, self time
// by package, and the share spent loading modules. Usage:
//   node summarize-profile.ts FILE.cpuprofile… [--top N]
//   node summarize-profile.ts profiles/            (every profile a `pnpm bench --profile` wrote)
import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatHotspots, summarizeProfiles } from "./lib/cpu-profile.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string" } } });
const top = Number(values.top ?? 15);
if (positionals.length === 0) {
  process.stderr.write("usage: node summarize-profile.ts FILE.cpuprofile… | DIRECTORY [--top N]\n");
  process.exit(2);
}
for (const path of positionals) {
  const text = statSync(path).isDirectory() ? summarizeProfiles(path, top) : formatHotspots(path, top);
  process.stdout.write(`${text}\n\n`);
}
