import * as z from "zod";
import { Metadata, ResponseUuid, Uuid } from "./common.ts";

/** Per-execution options that override the agent's defaults. */
export const ExecutionOptions = z.strictObject({
  sharedStorageKey: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).optional(),
  softTimeoutMins: z
    .int({ error: "must be a whole number of minutes, 1 or more" })
    .positive({ error: "must be a whole number of minutes, 1 or more" })
    .optional(),
});
export type ExecutionOptions = z.infer<typeof ExecutionOptions>;

/** A staged file attached to an execution. */
export const TempFile = z.strictObject({
  id: Uuid,
  name: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
});

/**
 * Body of `POST /agents/{agentId}/execute`: at most one of `agentProfileId` and `agentProfilePoolId`;
 * with neither, the agent runs with its default profile.
 */
export const ExecuteRequest = z
  .strictObject({
    agentProfileId: Uuid.optional(),
    agentProfilePoolId: Uuid.optional(),
    inputs: z.record(z.string(), z.unknown(), { error: "must be an object" }).optional(),
    /** @deprecated use `inputs` */
    dynamicData: z.record(z.string(), z.unknown(), { error: "must be an object" }).optional(),
    metadata: Metadata.optional(),
    executionOptions: ExecutionOptions.optional(),
    tempFiles: z.array(TempFile).optional(),
    version: z
      .int({ error: "must be a whole number, 1 or more" })
      .positive({ error: "must be 1 or more" })
      .optional(),
  })
  .check((ctx) => {
    const { agentProfileId, agentProfilePoolId } = ctx.value;
    if (agentProfileId !== undefined && agentProfilePoolId !== undefined) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: ["agentProfilePoolId"],
        message:
          "give at most one of agentProfileId and agentProfilePoolId; leave both out to run with the agent's default profile",
      });
    }
  });
export type ExecuteRequest = z.infer<typeof ExecuteRequest>;

/** Response of `POST /agents/{agentId}/execute` (202). */
export const ExecuteResponse = z.object({ executionId: ResponseUuid });
export type ExecuteResponse = z.infer<typeof ExecuteResponse>;
