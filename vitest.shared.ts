import { defineProject } from "vitest/config";

/** Project defaults: workspace packages resolve to their `src` through the `@agentdeck/source` condition, so tests need no build. */
export function project(name: string, extra: { testTimeout?: number; fileParallelism?: boolean } = {}) {
  return defineProject({
    // Vitest hands the SSR conditions to its workers as Node `--conditions`, where they also steer
    // `require()`: keep them to our source condition plus "node" (Vite adds import/require/default).
    resolve: { conditions: ["@agentdeck/source", "node"] },
    ssr: { resolve: { conditions: ["@agentdeck/source", "node"] } },
    test: {
      name,
      include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
      environment: "node",
      testTimeout: extra.testTimeout ?? 15_000,
      fileParallelism: extra.fileParallelism ?? true,
    },
  });
}
