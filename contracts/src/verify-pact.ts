import { readFileSync } from "node:fs";
import type { Sandbox } from "@agentdeck/sandbox";
import { Verifier } from "@pact-foundation/pact";
import { credentialFilter } from "./credential-filter.ts";
import { AGENTS_PROVIDER, type Provider } from "./participants.ts";
import type { StateSetups } from "./state-setups.ts";

export interface VerifyPactOptions {
  provider: Provider;
  /** Path of the pact file to verify. */
  pactFile: string;
  /** The provider under test: a running sandbox. */
  sandbox: Sandbox;
  setups: StateSetups;
}

/** Every provider state the interactions of a pact file name. */
export function statesOf(pactFile: string): string[] {
  const pact = JSON.parse(readFileSync(pactFile, "utf8")) as {
    interactions: { providerStates?: { name: string }[] }[];
  };
  const names = pact.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name));
  return [...new Set(names)];
}

/**
 * Replays every interaction of a pact against the sandbox with the Pact verifier. Before each
 * interaction the store is emptied (the organization and its user stay), then the interaction's
 * states are set up in-process. Resolves when every interaction matched; otherwise rejects with the
 * verifier's JSON report, which names each failing interaction and its mismatches.
 */
export async function verifyPact(options: VerifyPactOptions): Promise<void> {
  const { sandbox, setups } = options;
  const unknown = statesOf(options.pactFile).filter((state) => !(state in setups));
  if (unknown.length > 0) {
    // The verifier only logs a warning for a state it cannot set up; a contract must not pass that way.
    throw new Error(`no state setup for: ${unknown.map((s) => `"${s}"`).join(", ")}`);
  }
  const stateHandlers = Object.fromEntries(
    Object.entries(setups).map(([state, setup]) => [state, async () => setup(sandbox.store)]),
  );
  await new Verifier({
    provider: options.provider,
    // The agents pact holds paths relative to the v2 base URL; the registry pact holds full paths.
    providerBaseUrl: options.provider === AGENTS_PROVIDER ? sandbox.agentsUrl : sandbox.url,
    pactUrls: [options.pactFile],
    stateHandlers,
    beforeEach: async () => {
      sandbox.store.reset();
      sandbox.store.clear();
    },
    requestFilter: credentialFilter(sandbox),
    logLevel: "error",
  }).verifyProvider();
}
