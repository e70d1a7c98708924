import { fileURLToPath } from "node:url";
import { AGENTS_PROVIDER, CONSUMER, type Provider } from "./participants.ts";

/** The committed pacts: what CI verifies, compares with the OpenAPI documents, and would publish. */
export const PACTS_DIR = fileURLToPath(new URL("../pacts", import.meta.url));

/** The pact file Pact writes for a consumer and provider: `<consumer>-<provider>.json`. */
export function pactFileName(provider: Provider, consumer: string = CONSUMER): string {
  return `${consumer}-${provider}.json`;
}

/** The committed pact between a consumer (agentdeck-core unless given) and a provider. */
export function committedPact(provider: Provider, consumer: string = CONSUMER): string {
  return `${PACTS_DIR}/${pactFileName(provider, consumer)}`;
}

/** The OpenAPI document a provider's pacts are checked against. */
export function openApiDocument(provider: Provider): string {
  const file = provider === AGENTS_PROVIDER ? "agents-v2.yaml" : "registry-v1.yaml";
  return fileURLToPath(new URL(`../openapi/${file}`, import.meta.url));
}
