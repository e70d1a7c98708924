import type { UserWorkspaceConfig } from "vitest/config";
import { project } from "../vitest.shared.ts";

const shared = project("contracts", { testTimeout: 60_000 });

const config: UserWorkspaceConfig = {
  ...shared,
  ssr: {
    resolve: {
      // Vitest passes these to its workers as Node `--conditions`, where they also steer `require()`.
      // The shared list holds "import" and "module", which make CommonJS dependencies require ESM entry
      // points: express 5 under the Pact verifier's proxy then gets is-promise's ESM namespace instead
      // of the function, and every provider-state call fails with a 500.
      conditions: ["@agentdeck/source", "node"],
    },
  },
};

export default config;
