import * as z from "zod";
import type { AgentdeckError } from "./errors.ts";
import type { Execution } from "./models/execution.ts";

const Signal = z.custom<AbortSignal>((value) => value instanceof AbortSignal, {
  error: "must be an AbortSignal",
});

/** A duration the caller gives in milliseconds. */
export const Milliseconds = z
  .int({ error: "must be a whole number of milliseconds, 1 or more" })
  .positive({ error: "must be a whole number of milliseconds, 1 or more" });

/** A size in bytes the caller gives. */
export const ByteCount = z
  .int({ error: "must be a whole number of bytes, 1 or more" })
  .positive({ error: "must be a whole number of bytes, 1 or more" });

const QueryScalar = z.union([z.string(), z.number(), z.boolean()]);

/** The last argument of every method. */
export const CallOptions = z.strictObject({
  /** Aborts the call, retry waits included; it then rejects with `AbortError`. */
  signal: Signal.optional(),
  /** Deadline for the whole call, retries, their waits and reading the body included; it then rejects with `TimeoutError`. */
  timeoutMs: Milliseconds.optional(),
  /** Largest body read, counted after decompression; beyond it the call rejects with `ResponseTooLargeError`. */
  maxResponseBytes: ByteCount.optional(),
  /** Fields this client does not know yet, merged into the top level of the JSON body (they win over known ones). */
  extraBody: z.record(z.string(), z.unknown(), { error: "must be a plain object of body fields" }).optional(),
  /** Query parameters this client does not know yet, added to the query (they replace known ones of the same name). */
  extraQuery: z
    .record(
      z.string(),
      z.union([QueryScalar, z.array(QueryScalar)], {
        error: "must be a string, number, boolean or a list of them",
      }),
      {
        error: "must be a plain object of strings, numbers, booleans or lists of them",
      },
    )
    .optional(),
});
export type CallOptions = z.infer<typeof CallOptions>;

/** Options of every registry write (create, update, retire, reinstate, delete): the call options plus the key that makes retries safe. */
export const RegistryCreateOptions = CallOptions.extend({
  /**
   * Sent as `idempotency_key` in the JSON body, at most 64 characters as Prefactor's SDKs allow; one is
   * generated when omitted. Reuse it to retry a write yourself.
   */
  idempotencyKey: z
    .string({ error: "must be a string of 1 to 64 visible ASCII characters" })
    .regex(/^[\x21-\x7e]{1,64}$/, { error: "must be 1 to 64 visible ASCII characters" })
    .optional(),
});
export type RegistryCreateOptions = z.infer<typeof RegistryCreateOptions>;

/** Options of `executions.waitForResult`. */
export const WaitForResultOptions = z.strictObject({
  /** Stops waiting; the promise then rejects with `AbortError`. */
  signal: Signal.optional(),
  /** How often to poll; 2000 ms by default. */
  pollIntervalMs: Milliseconds.optional(),
  /** Gives up after this long with `TimeoutError`; no limit by default, as executions may run for hours. */
  timeoutMs: Milliseconds.optional(),
  /** Called with the execution each time its status changes (and once with the first status seen). */
  onUpdate: z
    .custom<(execution: Execution) => void>((value) => typeof value === "function", {
      error: "must be a function",
    })
    .optional(),
  /**
   * Called with each failed poll that waiting survives (no connection, 408, 429, 5xx), and when the
   * next poll goes out. Waiting goes on until `timeoutMs` or `signal`.
   */
  onError: z
    .custom<(error: AgentdeckError, retry: { failures: number; retryInMs: number }) => void>(
      (value) => typeof value === "function",
      { error: "must be a function" },
    )
    .optional(),
});
export type WaitForResultOptions = z.infer<typeof WaitForResultOptions>;
