import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmuxMissing } from "@agentdeck/testing";

/** The built command, as `npm start` and the `agentdeck-tui` bin run it. */
export const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** Why the end-to-end tests cannot run here, or undefined when they can. */
export function e2eUnavailable(): string | undefined {
  if (!existsSync(CLI))
    return `${CLI} is missing: build first (npm test does; or pnpm --filter @agentdeck/tui build)`;
  return tmuxMissing();
}
