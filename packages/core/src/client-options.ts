import * as z from "zod";
import { ByteCount, Milliseconds } from "./call-options.ts";

/** Where the Asteroid Agents API v2 lives; base URLs include the version prefix. */
export const DEFAULT_BASE_URL = "https://odyssey.asteroid.ai/agents/v2";

/** Where the agent registry API v1 lives. */
export const DEFAULT_REGISTRY_BASE_URL = "https://api.prefactor.ai/api/v1";

// Visible ASCII only: anything else cannot travel in a header, and fetch would quote the bad value
// (the secret) in its error.
const Credential = z
  .string({ error: "must be a string" })
  .regex(/^[\x21-\x7e]+$/, { error: "must be visible ASCII characters, with no spaces or line breaks" });

const HttpUrl = z.url({ protocol: /^https?$/, error: "must be an http or https URL" });

/** What `createClient` accepts. Every field is optional; credentials fall back to the environment. */
export const ClientOptions = z.strictObject({
  /** Asteroid Agents API key; defaults to `ASTEROID_API_KEY`. */
  apiKey: Credential.optional(),
  /** Defaults to `https://odyssey.asteroid.ai/agents/v2`. */
  baseUrl: HttpUrl.optional(),
  /** The agent registry: Bearer `token` (defaults to `AGENT_REGISTRY_TOKEN`) and `baseUrl`. */
  registry: z.strictObject({ token: Credential.optional(), baseUrl: HttpUrl.optional() }).optional(),
  /** Deadline of each call, retries included; 30000 by default. */
  timeoutMs: Milliseconds.optional(),
  /** Largest response body read, counted after decompression; 32 MiB (33554432) by default. */
  maxResponseBytes: ByteCount.optional(),
  /** Retries of a retryable failure; 2 by default, 0 turns retries off. */
  maxRetries: z
    .int({ error: "must be a whole number from 0 to 10" })
    .min(0, { error: "must be from 0 to 10" })
    .max(10, { error: "must be from 0 to 10" })
    .optional(),
  /** A fetch to use instead of `globalThis.fetch` (a proxy agent, a test recorder). */
  fetch: z
    .custom<typeof globalThis.fetch>((value) => typeof value === "function", {
      error: "must be a fetch function",
    })
    .optional(),
  /** Sent as User-Agent (where the runtime allows it); defaults to `agentdeck-core/<version>`. */
  userAgent: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).optional(),
  /** Backoff tuning: `baseMs` (300), `capMs` (8000), `maxRetryAfterMs` (60000). Mostly for tests. */
  retryTiming: z
    .strictObject({
      baseMs: z.number({ error: "must be a number of milliseconds" }).min(0, { error: "must be 0 or more" }),
      capMs: z.number({ error: "must be a number of milliseconds" }).min(0, { error: "must be 0 or more" }),
      maxRetryAfterMs: z
        .number({ error: "must be a number of milliseconds" })
        .min(0, { error: "must be 0 or more" }),
    })
    .partial()
    .optional(),
});
export type ClientOptions = z.input<typeof ClientOptions>;
