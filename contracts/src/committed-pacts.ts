import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isProvider, type Provider } from "./participants.ts";
import { PACTS_DIR } from "./paths.ts";

/** One pact file in contracts/pacts, with the parties it names. */
export interface CommittedPact {
  file: string;
  consumer: string;
  provider: Provider;
}

/**
 * Every pact in contracts/pacts, whichever consumer wrote it, so a sibling app's pact is verified and
 * compared with the OpenAPI documents as soon as it is committed.
 */
export function committedPacts(): CommittedPact[] {
  return readdirSync(PACTS_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const file = join(PACTS_DIR, name);
      const pact = JSON.parse(readFileSync(file, "utf8")) as {
        consumer: { name: string };
        provider: { name: string };
      };
      if (!isProvider(pact.provider.name)) {
        throw new Error(
          `${name} is for provider "${pact.provider.name}", which has no OpenAPI document or sandbox here`,
        );
      }
      return { file, consumer: pact.consumer.name, provider: pact.provider.name };
    });
}
