import { readFileSync } from "node:fs";
import type { Sandbox } from "@agentdeck/sandbox";
import { Verifier, type VerifierOptions } from "@pact-foundation/pact";
import { credentialFilter } from "./credential-filter.ts";
import { AGENTS_PROVIDER, type Provider } from "./participants.ts";
import type { StateSetups } from "./state-setups.ts";
import { VerificationFailure } from "./verification-failure.ts";

type LogLevel = NonNullable<VerifierOptions["logLevel"]>;

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
 * states are set up in-process. Resolves when every interaction matched; otherwise rejects with a
 * `VerificationFailure` naming each broken interaction and its mismatches.
 */
export async function verifyPact(options: VerifyPactOptions): Promise<void> {
  const { sandbox, setups } = options;
  const unknown = statesOf(options.pactFile).filter((state) => !(state in setups));
  if (unknown.length > 0) {
    // The verifier only logs a warning for a state it cannot set up; a contract must not pass that way.
    throw new Error(`no state setup for: ${unknown.map((s) => `"${s}"`).join(", ")}`);
  }
  // Pact logs a throwing state handler and carries on; the failures are collected to be reported.
  const setupErrors: string[] = [];
  const stateHandlers = Object.fromEntries(
    Object.entries(setups).map(([state, setup]) => [
      state,
      async () => {
        try {
          setup(sandbox.store);
        } catch (error) {
          setupErrors.push(`"${state}": ${error instanceof Error ? error.message : String(error)}`);
          throw error;
        }
      },
    ]),
  );
  const verifier = new Verifier({
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
    // PACT_LOG_LEVEL=debug shows every request, state call and match while investigating.
    logLevel: (process.env.PACT_LOG_LEVEL as LogLevel | undefined) ?? "error",
  });
  let failure: unknown;
  await verifier.verifyProvider().catch((error: unknown) => {
    failure = VerificationFailure.from(error);
  });
  if (setupErrors.length > 0) throw new Error(`provider state setup failed: ${setupErrors.join("; ")}`);
  if (failure !== undefined) throw failure;
}
