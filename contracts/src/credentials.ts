import { MatchersV3 } from "@pact-foundation/pact";

/*
 * Credentials never reach a pact file. The consumer tests authenticate with the secrets below, the
 * auth headers are matched by a regex whose example is a placeholder, and only the placeholder is
 * written. At verification a request filter swaps each placeholder for the sandbox's real credential;
 * the "invalid" placeholders pass through untouched, so the provider refuses them.
 */

/** The API key the consumer tests give the client. Must never appear in a pact. */
export const CONSUMER_API_KEY = "ck-consumer-test-4f1d9a7e2b6c";
/** The wrong API key of the 401 interaction. Must never appear in a pact. */
export const CONSUMER_WRONG_API_KEY = "ck-consumer-wrong-8e3b5c1a9d0f";
/** The registry token the consumer tests give the client. Must never appear in a pact. */
export const CONSUMER_REGISTRY_TOKEN = "rt-consumer-test-7c2e6b0d4a9f";
/** The wrong registry token of the registry's 401 interaction. Must never appear in a pact. */
export const CONSUMER_WRONG_REGISTRY_TOKEN = "rt-consumer-wrong-1b8f3d5e7a2c";

/** Written to the pacts in place of a valid API key; replaced by the real key at verification. */
export const API_KEY_PLACEHOLDER = "placeholder-api-key";
/** Written in place of an invalid API key; sent as is at verification, so the provider answers 401. */
export const INVALID_API_KEY_PLACEHOLDER = "placeholder-invalid-api-key";
/** Written in place of a valid registry token; replaced by the real token at verification. */
export const REGISTRY_TOKEN_PLACEHOLDER = "placeholder-registry-token";
/** Written in place of an invalid registry token; sent as is at verification. */
export const INVALID_REGISTRY_TOKEN_PLACEHOLDER = "placeholder-invalid-registry-token";

/** The v2 header that carries the API key. */
export const API_KEY_HEADER = "X-Asteroid-Agents-Api-Key";

// Any key the client may send (visible ASCII, no spaces): the consumer's secret matches, the pact keeps the example.
const KEY_PATTERN = "^[\\x21-\\x7e]+$";

/** Headers of a v2 request made with a valid key. */
export function apiKeyHeaders() {
  return { [API_KEY_HEADER]: MatchersV3.regex(KEY_PATTERN, API_KEY_PLACEHOLDER) };
}

/** Headers of a v2 request made with a key the provider does not know. */
export function invalidApiKeyHeaders() {
  return { [API_KEY_HEADER]: MatchersV3.regex(KEY_PATTERN, INVALID_API_KEY_PLACEHOLDER) };
}

/** Headers of a registry request made with a valid token. */
export function bearerHeaders() {
  return {
    Authorization: MatchersV3.regex("^Bearer [\\x21-\\x7e]+$", `Bearer ${REGISTRY_TOKEN_PLACEHOLDER}`),
  };
}

/** Headers of a registry request made with a token the provider does not know. */
export function invalidBearerHeaders() {
  return {
    Authorization: MatchersV3.regex(
      "^Bearer [\\x21-\\x7e]+$",
      `Bearer ${INVALID_REGISTRY_TOKEN_PLACEHOLDER}`,
    ),
  };
}
