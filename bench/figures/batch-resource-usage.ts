// Preloaded (`node --import`) into the processes of the batch figure: on exit, writes the process's
// peak RSS and CPU time to $BENCH_USAGE_FILE, so the figure reads what the batch process itself used.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ maxRssKb: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime }),
    );
  });
}
