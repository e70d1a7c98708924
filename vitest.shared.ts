import { defineProject } from "vitest/config";

/** Project defaults: workspace packages resolve to their `src` through the `@agentdeck/source` condition, so tests need no build. */
export function project(name: string, extra: { testTimeout?: number; fileParallelism?: boolean } = {}) {
  return defineProject({
    resolve: { conditions: ["@agentdeck/source", "module", "node", "import", "default"] },
    ssr: { resolve: { conditions: ["@agentdeck/source", "module", "node", "import", "default"] } },
    test: {
      name,
      include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
      environment: "node",
      testTimeout: extra.testTimeout ?? 15_000,
      fileParallelism: extra.fileParallelism ?? true,
    },
  });
}
