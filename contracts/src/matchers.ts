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

/** A registry id: 32 lowercase base32 characters. */
export const registryId = (example: string) => MatchersV3.regex("^[0-9a-z]{32}$", example);

/** Any idempotency key the client may send (1 to 255 visible ASCII characters). */
export const idempotencyKey = () =>
  MatchersV3.regex("^[\\x21-\\x7e]{1,255}$", "5b0e6c1d-3f2a-4e8b-9c7d-1a2b3c4d5e6f");
