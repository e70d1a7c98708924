import { formatHotspots } from "./lib/cpu-profile.ts";
console.log(formatHotspots(process.argv[2] as string, Number(process.argv[3] ?? 25)));
