import { type Sandbox, startSandbox } from "@agentdeck/sandbox";
import { afterAll, beforeAll, describe, it } from "vitest";
import { committedPacts } from "../src/committed-pacts.ts";
import { stateSetupsFor } from "../src/provider-state-setups.ts";
import { verifyPact } from "../src/verify-pact.ts";

describe("the sandbox as provider", () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it.each(committedPacts())("honours every interaction of the $consumer → $provider pact", async (pact) => {
    await verifyPact({
      provider: pact.provider,
      pactFile: pact.file,
      sandbox,
      setups: stateSetupsFor[pact.provider],
    });
  });
});
