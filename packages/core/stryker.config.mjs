// Mutation testing of core's request path and models (`pnpm mutation` from the root). Too slow for
// `npm test`: it reruns core's suite once per surviving candidate.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // Named, not found by the default "@stryker-mutator/*" glob, which pnpm's layout hides.
  plugins: [import.meta.resolve("@stryker-mutator/vitest-runner")],
  vitest: { configFile: "vitest.mutation.config.ts" },
  coverageAnalysis: "perTest",
  mutate: [
    "src/request.ts",
    "src/read-body.ts",
    "src/connection-error.ts",
    "src/unreadable-response.ts",
    "src/fate.ts",
    "src/extra-params.ts",
    "src/retry.ts",
    "src/deadline.ts",
    "src/redact.ts",
    "src/validate.ts",
    "src/paginate.ts",
    "src/wait-for-result.ts",
    "src/models/*.ts",
    "!src/**/*.test.ts",
  ],
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "reports/mutation.json" },
  concurrency: 2,
  timeoutMS: 20_000,
  // Two levels below the root, as core is, so vitest.config.ts finds ../../vitest.shared.ts.
  tempDirName: "../../.stryker-tmp",
  // Stryker rewrites tsconfig paths with the TypeScript JS API, which TypeScript 7 (native) has
  // not; nothing here needs it (vitest transpiles), so point it at no file.
  tsconfigFile: "no-tsconfig-rewrite.json",
};
