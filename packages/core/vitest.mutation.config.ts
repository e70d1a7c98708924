import { defineProject, mergeConfig } from "vitest/config";
import base from "./vitest.config.ts";

// Core's suite for `pnpm mutation`, without the 50-call forced-GC stall test: it takes seconds per
// run, and the fault suite already covers the same path one call at a time.
export default mergeConfig(
  base,
  defineProject({ test: { exclude: ["src/stalled-body.test.ts", "**/node_modules/**"] } }),
);
