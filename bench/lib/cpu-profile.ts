import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
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
type CpuProfile = {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

/** One function's share of a profile. */
export type Hotspot = { selfMs: number; selfPercent: number; totalMs: number; where: string };

function shortUrl(url: string): string {
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0)
    return url.slice(modules + "node_modules/".length).replace(/^\.pnpm\/[^/]+\/node_modules\//, "");
  const repo = url.indexOf("/work/main/");
  return repo >= 0 ? url.slice(repo + "/work/main/".length) : url.replace(/^file:\/\//, "");
}

/** Which package a frame belongs to: a dependency, a workspace package, Node itself, or V8. */
function packageOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + "node_modules/".length).split("/");
    return scope?.startsWith("@") ? `${scope}/${name}` : (scope ?? url);
  }
  const workspace = /\/(packages|apps)\/([^/]+)\//.exec(url);
  if (workspace) return `@agentdeck/${workspace[2]}`;
  return url.includes("/bench/") ? "bench" : url;
}

/** Whether a frame is Node's module loader: its time under it is start-up spent loading code. */
const isModuleLoader = (node: ProfileNode) => node.callFrame.url.startsWith("node:internal/modules/");

/** Now on the clock V8 stamps profile samples with (CLOCK_MONOTONIC, microseconds), in every process. */
export function profileClockUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** A `performance.now()` reading of this process on `profileClockUs`. */
export function profileClockAt(performanceMs: number): number {
  return profileClockUs() - Math.round((performance.now() - performanceMs) * 1000);
}

/** A stretch of a run, on `profileClockUs`, to read a profile for. */
export type Phase = { name: string; fromUs: number; toUs: number };

/**
 * The functions with the most self time in a `.cpuprofile` (within `phase` when given), with their
 * total (inclusive) time: a plain reading of the profile, no flame graph needed.
 */
export function hotspots(
  file: string,
  top = 15,
  phase?: Phase,
): {
  totalMs: number;
  idleMs: number;
  /** Busy time with Node's module loader on the stack: resolving, compiling and evaluating modules. */
  loadingMs: number;
  functions: Hotspot[];
  /** Self time by package, largest first. */
  packages: { name: string; selfMs: number }[];
} {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (phase !== undefined && (at < phase.fromUs || at > phase.toUs)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const key = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || "(anonymous)"} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ""}`.trim();
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let allUs = 0;
  let idleUs = 0;
  let loadingUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (node === undefined) continue;
    allUs += us;
    if (node.callFrame.functionName === "(idle)") idleUs += us;
    self.set(key(node), (self.get(key(node)) ?? 0) + us);
    byPackage.set(packageOf(node), (byPackage.get(packageOf(node)) ?? 0) + us);
    // Inclusive time: every distinct function on the stack of this sample gets the sample once.
    const seen = new Set<string>();
    let loading = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (frame === undefined) break;
      loading ||= isModuleLoader(frame);
      const name = key(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + us);
    }
    if (loading) loadingUs += us;
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
  const ms = (us: number) => Number((us / 1000).toFixed(1));
  return {
    totalMs: ms(allUs),
    idleMs: ms(idleUs),
    loadingMs: ms(loadingUs),
    functions,
    packages: [...byPackage]
      .filter(([name]) => name !== "(idle)" && name !== "(root)")
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, selfMs: ms(us) })),
  };
}

/** `hotspots` as lines of text, busy time first. */
export function formatHotspots(file: string, top = 15, phase?: Phase): string {
  const { totalMs, idleMs, loadingMs, functions, packages } = hotspots(file, top, phase);
  const title = phase === undefined ? file : `${file} during ${phase.name}`;
  const busy = totalMs - idleMs;
  const share = (value: number) => `${Math.round((100 * value) / Math.max(1, busy))}%`;
  const lines = [
    `${title}: ${busy.toFixed(0)} ms busy of ${totalMs.toFixed(0)} ms, ${loadingMs.toFixed(0)} ms (${share(loadingMs)}) with Node's module loader on the stack`,
    `  self time by package: ${packages
      .slice(0, 8)
      .map((p) => `${p.name} ${p.selfMs.toFixed(0)} ms`)
      .join(", ")}`,
  ];
  lines.push("  self ms   self %  total ms  function");
  for (const f of functions) {
    lines.push(
      `${f.selfMs.toFixed(1).padStart(8)} ${f.selfPercent.toFixed(1).padStart(7)}% ${f.totalMs.toFixed(1).padStart(9)}  ${f.where}`,
    );
  }
  return lines.join("\n");
}

/**
 * Runs `body` with V8's profiler on in this very process (where the client under test runs) and
 * writes the profile to `target`; just runs it when `target` is undefined.
 */
export async function profileThisProcess<T>(target: ProfileTarget, body: () => Promise<T>): Promise<T> {
  if (target === undefined) return body();
  mkdirSync(target.dir, { recursive: true });
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await body();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(join(target.dir, `${target.name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** Records the phases of a profiled process next to its profile, so the summary reads each on its own. */
export function writePhases(target: ProfileTarget, phases: readonly Phase[]): void {
  if (target === undefined) return;
  writeFileSync(join(target.dir, `${target.name}.phases.json`), JSON.stringify(phases, null, 2));
}

/** Every profile under `root` (one folder per figure), summarised, then by phase where phases were recorded. */
export function summarizeProfiles(root: string, top = 12): string {
  if (!existsSync(root)) return "";
  const parts: string[] = [];
  for (const figure of readdirSync(root).sort()) {
    for (const name of readdirSync(join(root, figure)).sort()) {
      if (!name.endsWith(".cpuprofile")) continue;
      const file = join(root, figure, name);
      parts.push(formatHotspots(file, top));
      const phasesFile = file.replace(/\.cpuprofile$/, ".phases.json");
      if (!existsSync(phasesFile)) continue;
      for (const phase of JSON.parse(readFileSync(phasesFile, "utf8")) as Phase[]) {
        // A phase shorter than a millisecond holds no samples worth a table.
        if (phase.toUs - phase.fromUs >= 1000) parts.push(formatHotspots(file, top, phase));
      }
    }
  }
  return parts.join("\n\n");
}
