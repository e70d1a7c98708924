import { readFileSync } from "node:fs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

/** Where a child process writes its V8 CPU profile; none when the run is not profiling. */
export type ProfileTarget = { dir: string; name: string } | undefined;

/** The node flags that make a child write its CPU profile on exit to `target`. */
export function profileFlags(target: ProfileTarget): string[] {
  if (target === undefined) return [];
  mkdirSync(target.dir, { recursive: true });
  return ["--cpu-prof", `--cpu-prof-dir=${target.dir}`, `--cpu-prof-name=${target.name}.cpuprofile`];
}

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** One function's share of a profile. */
export type Hotspot = { selfMs: number; selfPercent: number; totalMs: number; where: string };

function shortUrl(url: string): string {
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) return url.slice(modules + "node_modules/".length).replace(/^\.pnpm\/[^/]+\/node_modules\//, "");
  const repo = url.indexOf("/work/main/");
  return repo >= 0 ? url.slice(repo + "/work/main/".length) : url.replace(/^file:\/\//, "");
}

/**
 * The functions with the most self time in a `.cpuprofile`, with their total (inclusive) time:
 * a plain reading of the profile, no flame graph needed.
 */
export function hotspots(file: string, top = 15): { totalMs: number; idleMs: number; functions: Hotspot[] } {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const key = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || "(anonymous)"} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ""}`.trim();
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let allUs = 0;
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (node === undefined) continue;
    allUs += us;
    if (node.callFrame.functionName === "(idle)") idleUs += us;
    self.set(key(node), (self.get(key(node)) ?? 0) + us);
    // Inclusive time: every distinct function on the stack of this sample gets the sample once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (frame === undefined) break;
      const name = key(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + us);
    }
  }
  const busyUs = allUs - idleUs;
  const functions = [...self]
    .filter(([name]) => !name.startsWith("(idle)") && !name.startsWith("(root)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, us]) => ({
      selfMs: Number((us / 1000).toFixed(1)),
      selfPercent: Number(((100 * us) / Math.max(1, busyUs)).toFixed(1)),
      totalMs: Number(((total.get(where) ?? 0) / 1000).toFixed(1)),
      where,
    }));
  return { totalMs: Number((allUs / 1000).toFixed(1)), idleMs: Number((idleUs / 1000).toFixed(1)), functions };
}

/** `hotspots` as lines of text, busy time first. */
export function formatHotspots(file: string, top = 15): string {
  const { totalMs, idleMs, functions } = hotspots(file, top);
  const lines = [`${file}: ${(totalMs - idleMs).toFixed(0)} ms busy of ${totalMs.toFixed(0)} ms`];
  lines.push("  self ms   self %  total ms  function");
  for (const f of functions) {
    lines.push(
      `${f.selfMs.toFixed(1).padStart(8)} ${f.selfPercent.toFixed(1).padStart(7)}% ${f.totalMs.toFixed(1).padStart(9)}  ${f.where}`,
    );
  }
  return lines.join("\n");
}

/** The profiles a figure's processes wrote, by file name. */
export function profileFile(target: NonNullable<ProfileTarget>): string {
  return join(target.dir, `${target.name}.cpuprofile`);
}
