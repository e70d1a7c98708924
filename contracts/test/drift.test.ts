import { type Sandbox, startSandbox, type TransformResponse } from "@agentdeck/sandbox";
import { afterEach, describe, expect, it } from "vitest";
import { AGENTS_PROVIDER, type Provider, REGISTRY_PROVIDER } from "../src/participants.ts";
import { committedPact } from "../src/paths.ts";
import { stateSetupsFor } from "../src/provider-state-setups.ts";
import { VerificationFailure } from "../src/verification-failure.ts";
import { verifyPact } from "../src/verify-pact.ts";

/*
 * Proof that the contracts bite: each case starts a sandbox whose responses drift in one way, runs the
 * whole verification of a committed pact against it, and expects exactly the interactions on the
 * drifted route to fail, with a mismatch that names the drift.
 */

type JsonObject = Record<string, unknown>;

interface Drift {
  name: string;
  provider: Provider;
  /** Rewrites the matching responses; every other response is left alone. */
  transformResponse: TransformResponse;
  /** The interactions that must fail, and a pattern each one's mismatches must show. */
  broken: Record<string, RegExp>;
}

/** Only responses to `method route` with `status` are drifted, through `change`. */
function onRoute(
  method: string,
  route: string,
  status: number,
  change: (body: JsonObject) => { status: number; body: unknown },
): TransformResponse {
  return (response) =>
    response.method === method && response.route === route && response.status === status
      ? change(response.body as JsonObject)
      : undefined;
}

const drifts: Drift[] = [
  {
    name: "a renamed field: a pool's `name` sent as `displayName`",
    provider: AGENTS_PROVIDER,
    transformResponse: onRoute(
      "GET",
      "/agents/v2/agent-profile-pools/{poolId}",
      200,
      ({ name, ...pool }) => ({
        status: 200,
        body: { ...pool, displayName: name },
      }),
    ),
    broken: {
      "a request for a pool that exists": /BodyMismatch \$: Actual map is missing the following keys: name/,
    },
  },
  {
    name: "a changed status code: execute answers 200 instead of 202",
    provider: AGENTS_PROVIDER,
    transformResponse: onRoute("POST", "/agents/v2/agents/{agentId}/execute", 202, (body) => ({
      status: 200,
      body,
    })),
    broken: {
      "a request to execute an agent with an agent profile": /StatusMismatch: expected 202 but was 200/,
      "a request to execute an agent with an agent profile pool": /StatusMismatch: expected 202 but was 200/,
      "a request to execute an agent with its default profile": /StatusMismatch: expected 202 but was 200/,
    },
  },
  {
    name: "a dropped required field: an execution without `status`",
    provider: AGENTS_PROVIDER,
    transformResponse: onRoute(
      "GET",
      "/agents/v2/executions/{executionId}",
      200,
      ({ status: _dropped, ...execution }) => ({
        status: 200,
        body: execution,
      }),
    ),
    broken: {
      "a request for a completed execution":
        /BodyMismatch \$: Actual map is missing the following keys: status/,
    },
  },
  {
    name: "a dropped field in a new endpoint: an execution file without `signedUrl`",
    provider: AGENTS_PROVIDER,
    transformResponse: onRoute("GET", "/agents/v2/executions/{executionId}/context-files", 200, (body) => ({
      status: 200,
      body: (body as unknown as JsonObject[]).map(({ signedUrl: _dropped, ...file }) => file),
    })),
    broken: {
      "a request for the files of an execution": /Actual map is missing the following keys: signedUrl/,
    },
  },
  {
    name: "a dropped required field in the registry: an agent without `available_actions`",
    provider: REGISTRY_PROVIDER,
    transformResponse: onRoute("GET", "/api/v1/agent/{agent_id}", 200, ({ details, ...envelope }) => {
      const { available_actions: _dropped, ...agent } = details as JsonObject;
      return { status: 200, body: { ...envelope, details: agent } };
    }),
    broken: {
      "a request for a registry agent that exists":
        /BodyMismatch \$\.details: Actual map is missing the following keys: available_actions/,
      "a request for a registry agent with its instance counts":
        /BodyMismatch \$\.details: Actual map is missing the following keys: available_actions/,
    },
  },
];

describe("verification against a drifted sandbox", () => {
  let sandbox: Sandbox | undefined;

  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it.each(drifts)("fails for $name", async (drift) => {
    sandbox = await startSandbox({ port: 0, transformResponse: drift.transformResponse });
    const outcome = await verifyPact({
      provider: drift.provider,
      pactFile: committedPact(drift.provider),
      sandbox,
      setups: stateSetupsFor[drift.provider],
    }).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(outcome, "verification passed although the sandbox drifted").toBeInstanceOf(VerificationFailure);
    const failures = (outcome as VerificationFailure).failures;
    expect(failures.map((f) => f.description).sort()).toEqual(Object.keys(drift.broken).sort());
    for (const failure of failures) {
      expect(failure.mismatches.join("\n")).toMatch(drift.broken[failure.description] as RegExp);
    }
  });
});
