import { fileURLToPath } from "node:url";
import { CONSUMER, type Provider } from "./participants.ts";

/** The `contracts/` directory. */
export const CONTRACTS_DIR = fileURLToPath(new URL("..", import.meta.url));

/** The committed pacts: what CI verifies, compares with the OpenAPI documents, and would publish. */
export const PACTS_DIR = fileURLToPath(new URL("../pacts", import.meta.url));

/** The pact file Pact writes for a provider: `<consumer>-<provider>.json`. */
export function pactFileName(provider: Provider): string {
  return `${CONSUMER}-${provider}.json`;
}

/** The committed pact for a provider. */
export function committedPact(provider: Provider): string {
  return `${PACTS_DIR}/${pactFileName(provider)}`;
}

/** The OpenAPI document each provider's pact is checked against. */
export function openApiDocument(provider: Provider): string {
  const file = provider === "asteroid-agents-api" ? "agents-v2.yaml" : "registry-v1.yaml";
  return fileURLToPath(new URL(`../openapi/${file}`, import.meta.url));
}
