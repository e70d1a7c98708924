import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { committedPacts } from "../src/committed-pacts.ts";
import { compareWithOpenApi } from "../src/compare-with-openapi.ts";
import { AGENTS_PROVIDER } from "../src/participants.ts";
import { committedPact } from "../src/paths.ts";

type Interaction = { description: string; response: { status: number; body?: { content?: unknown } } };
type PactJson = { interactions: Interaction[] };

const readPact = (file: string) => JSON.parse(readFileSync(file, "utf8")) as PactJson;

function interaction(pact: PactJson, description: string) {
  const found = pact.interactions.find((i) => i.description === description);
  if (found === undefined) throw new Error(`no interaction "${description}" in the pact`);
  return found;
}

/** What a finding says, in one line a failing test can show. */
const describeFinding = (f: Awaited<ReturnType<typeof compareWithOpenApi>>[number]) =>
  `${f.type} ${f.code} in "${f.mockDetails?.interactionDescription}" at ${f.mockDetails?.location}: ${f.message}`;

describe("the committed pacts against the OpenAPI documents", () => {
  it.each(committedPacts())(
    "the $consumer → $provider pact holds nothing its document forbids",
    async (pact) => {
      const findings = await compareWithOpenApi(pact.provider, readPact(pact.file));
      expect(findings.map(describeFinding)).toEqual([]);
    },
  );
});

describe("the OpenAPI comparison", () => {
  // A response in a pact may leave out fields (the consumer need not read them all), so a missing
  // required field is no finding here; a field of the wrong type or an undocumented status is.
  it("reports a response field whose type the document contradicts", async () => {
    const pact = readPact(committedPact(AGENTS_PROVIDER));
    const getPool = interaction(pact, "a request for a pool that exists");
    (getPool.response.body?.content as Record<string, unknown>).allowConcurrentUse = "no";
    const findings = await compareWithOpenApi(AGENTS_PROVIDER, pact);
    expect(findings.map(describeFinding)).toEqual([
      expect.stringMatching(
        /^error response\.body\.incompatible in "a request for a pool that exists".*allowConcurrentUse/,
      ),
    ]);
  });

  it("reports a status the document does not list for the operation", async () => {
    const pact = readPact(committedPact(AGENTS_PROVIDER));
    interaction(pact, "a request to execute an agent with an agent profile").response.status = 200;
    const findings = await compareWithOpenApi(AGENTS_PROVIDER, pact);
    expect(findings.map(describeFinding)).toEqual([
      expect.stringMatching(
        /^error response\.status\.unknown in "a request to execute an agent with an agent profile"/,
      ),
    ]);
  });

  it("reports a text body the document does not allow", async () => {
    const pact = readPact(committedPact(AGENTS_PROVIDER));
    const message = interaction(pact, "a request to send a message to a running execution");
    message.response.body = { ...message.response.body, content: "Message queued." };
    const findings = await compareWithOpenApi(AGENTS_PROVIDER, pact);
    expect(findings.map(describeFinding)).toEqual([
      expect.stringMatching(/^error response\.body\.incompatible in "a request to send a message/),
    ]);
  });
});
