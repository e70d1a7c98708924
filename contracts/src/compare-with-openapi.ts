import { readFileSync } from "node:fs";
import { Comparator, type Result } from "@pactflow/openapi-pact-comparator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import type { Provider } from "./participants.ts";
import { openApiDocument } from "./paths.ts";

const ajv = new Ajv2020({ strict: false });

/**
 * The comparator validates JSON bodies only; a `text/plain` body comes back as an "unvalidatable"
 * warning. Such a body is checked here against the schema the document gives for that response, so
 * the warning is settled one way or the other instead of being waved through.
 */
function settleTextBody(finding: Result): Result | undefined {
  if (finding.code !== "response.body.unvalidatable") return finding;
  const content = finding.specDetails?.value as Record<string, { schema?: object }> | undefined;
  const schema = content?.["text/plain"]?.schema;
  if (schema === undefined) return finding;
  const validate = ajv.compile(schema);
  if (validate(finding.mockDetails?.value)) return undefined;
  return {
    ...finding,
    type: "error",
    code: "response.body.incompatible",
    message: `Response body is incompatible with the response body schema in the spec file: ${ajv.errorsText(validate.errors)}`,
  };
}

/**
 * Checks every interaction of a pact against the provider's OpenAPI document with
 * @pactflow/openapi-pact-comparator. Returns every error and every warning that could not be
 * settled: an empty list means the document allows each request and each response of the pact.
 */
export async function compareWithOpenApi(provider: Provider, pact: unknown): Promise<Result[]> {
  const oas = parse(readFileSync(openApiDocument(provider), "utf8"));
  const comparator = new Comparator({ oas });
  const findings: Result[] = [];
  for await (const result of comparator.compare(pact as Parameters<Comparator["compare"]>[0])) {
    const finding = settleTextBody(result);
    if (finding !== undefined && finding.type !== "info") findings.push(finding);
  }
  return findings;
}
