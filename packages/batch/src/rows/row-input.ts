import { Metadata } from "@agentdeck/core";
import * as z from "zod";

/** Longest row key: it travels in every execution's metadata. */
export const MAX_KEY_LENGTH = 255;

/** A row key: what makes a row the same row on every resume. */
export const RowKey = z
  .string({ error: "must be a string" })
  .min(1, { error: "must not be empty" })
  .max(MAX_KEY_LENGTH, { error: `must be at most ${MAX_KEY_LENGTH} characters` });

/** One row of a batch, as `runBatch` takes it: the execution's inputs, its own metadata, and its key. */
export const RowInput = z.strictObject({
  inputs: z.record(z.string(), z.unknown(), { error: "must be an object" }),
  metadata: Metadata.optional(),
  /** Stable across runs of the same file; a hash of inputs and metadata when not given. */
  key: RowKey.optional(),
  /** Where the row is in its file (1-based), for error messages. */
  line: z.int().positive().optional(),
});
export type RowInput = z.infer<typeof RowInput>;
