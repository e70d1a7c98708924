import type { VerifierOptions } from "@pact-foundation/pact";
import { API_KEY_HEADER, API_KEY_PLACEHOLDER, REGISTRY_TOKEN_PLACEHOLDER } from "./credentials.ts";

type RequestFilter = NonNullable<VerifierOptions["requestFilter"]>;
type IncomingHeaders = Record<string, string | string[] | undefined>;

/**
 * A verifier request filter that puts the provider's real credentials where the pacts hold the
 * placeholders. Any other value (the "invalid" placeholders) goes through as it is, so the provider
 * sees a key it does not know.
 */
export function credentialFilter(real: { apiKey: string; registryToken: string }): RequestFilter {
  const keyHeader = API_KEY_HEADER.toLowerCase();
  const filter = (request: { headers: IncomingHeaders }, _response: unknown, next: () => void) => {
    if (request.headers[keyHeader] === API_KEY_PLACEHOLDER) request.headers[keyHeader] = real.apiKey;
    if (request.headers.authorization === `Bearer ${REGISTRY_TOKEN_PLACEHOLDER}`) {
      request.headers.authorization = `Bearer ${real.registryToken}`;
    }
    next();
  };
  return filter as RequestFilter;
}
