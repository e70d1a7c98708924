import { MatchersV3 } from "@pact-foundation/pact";
import { TIMESTAMP } from "./examples.ts";

/**
 * A uuid of any version, as the client accepts it (8-4-4-4-12 hex digits, either case). Anchored,
 * unlike `MatchersV3.uuid`, whose pattern would also match a uuid inside a longer string.
 */
export const uuid = (example: string) =>
  MatchersV3.regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", example);

/** An ISO 8601 timestamp in UTC with milliseconds, as both APIs send them. */
export const timestamp = (example: string = TIMESTAMP) =>
  MatchersV3.datetime("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", example);

/** A registry id: a PFID, 32 lowercase Crockford base32 characters, the first 0 to 7. */
export const registryId = (example: string) => MatchersV3.regex("^[0-7][0-9a-hjkmnp-tv-z]{31}$", example);

/** Any idempotency key the client may send in a registry write's body (1 to 64 visible ASCII characters). */
export const idempotencyKey = () =>
  MatchersV3.regex("^[\\x21-\\x7e]{1,64}$", "5b0e6c1d-3f2a-4e8b-9c7d-1a2b3c4d5e6f");
