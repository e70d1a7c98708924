import * as z from "zod";
import { DateTime, openEnum, Page, PageSize, pageOf, ResponseUuid, SortDirection, Uuid } from "./common.ts";

export const EXECUTION_STATUSES = [
  "starting",
  "running",
  "paused",
  "awaiting_confirmation",
  "completed",
  "cancelled",
  "failed",
  "paused_by_agent",
] as const;

/** The eight documented execution statuses. */
export const ExecutionStatus = z.enum(EXECUTION_STATUSES, {
  error: `must be one of: ${EXECUTION_STATUSES.join(", ")}`,
});
export type ExecutionStatus = z.infer<typeof ExecutionStatus>;

/** Statuses an execution never leaves. */
export const TERMINAL_STATUSES = [
  "completed",
  "cancelled",
  "failed",
] as const satisfies readonly ExecutionStatus[];

/** Whether an execution in `status` has finished for good. An unknown status is not terminal. */
export function isTerminalStatus(status: string): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

/** Outcome, reasoning and result data of a finished execution. */
export const ExecutionResult = z.object({
  id: ResponseUuid,
  executionId: ResponseUuid,
  createdAt: DateTime,
  outcome: z.string(),
  reasoning: z.string(),
  result: z.unknown().optional(),
});
export type ExecutionResult = z.infer<typeof ExecutionResult>;

export const ExecutionComment = z.object({
  id: ResponseUuid,
  executionId: ResponseUuid,
  userId: ResponseUuid,
  content: z.string(),
  public: z.boolean(),
  createdAt: DateTime,
  updatedAt: DateTime.optional(),
});

export const HumanLabel = z.object({
  id: ResponseUuid,
  organizationId: ResponseUuid,
  name: z.string(),
  color: z.string(),
  createdAt: DateTime,
});

/** An execution, as `GET /executions/{id}` returns it and `GET /executions` lists it. */
export const Execution = z.object({
  id: ResponseUuid,
  agentId: ResponseUuid,
  agentName: z.string(),
  organizationId: ResponseUuid,
  workflowId: ResponseUuid,
  status: openEnum(EXECUTION_STATUSES),
  createdAt: DateTime,
  comments: z.array(ExecutionComment),
  humanLabels: z.array(HumanLabel),
  // Both SDKs require these two; the newest reference pages no longer show them, so they stay optional here.
  agentVersion: z.int().optional(),
  agentVersionDirty: z.boolean().optional(),
  agentProfileId: ResponseUuid.optional(),
  agentProfileName: z.string().optional(),
  parentExecutionId: ResponseUuid.optional(),
  browserLiveViewUrl: z.string().optional(),
  browserRecordingUrl: z.string().optional(),
  liveViewUrl: z.string().optional(),
  recordingUrl: z.string().optional(),
  duration: z.number().optional(),
  executionOptions: z
    .object({ sharedStorageKey: z.string().optional(), softTimeoutMins: z.number().optional() })
    .optional(),
  executionResult: ExecutionResult.optional(),
  inputs: z.record(z.string(), z.unknown()).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  hasBeenRerun: z.boolean().optional(),
  terminalAt: DateTime.optional(),
  triggerContext: z.record(z.string(), z.unknown()).optional(),
});
export type Execution = z.infer<typeof Execution>;

export const EXECUTION_SORT_FIELDS = ["created_at", "status"] as const;

/** Query of `GET /executions`. */
export const ExecutionListParams = z.strictObject({
  organizationId: Uuid.optional(),
  page: Page.optional(),
  pageSize: PageSize.optional(),
  executionId: z.string({ error: "must be a string" }).optional(),
  agentId: Uuid.optional(),
  status: z.array(ExecutionStatus, { error: "must be a list of execution statuses" }).optional(),
  agentVersion: z
    .int({ error: "must be a whole number" })
    .positive({ error: "must be 1 or more" })
    .optional(),
  createdAfter: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).optional(),
  createdBefore: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).optional(),
  humanLabels: z.array(Uuid, { error: "must be a list of label ids (UUIDs)" }).optional(),
  outcomeLabel: z.string({ error: "must be a string" }).optional(),
  metadataKey: z.string({ error: "must be a string" }).optional(),
  metadataValue: z.string({ error: "must be a string" }).optional(),
  sortField: z.enum(EXECUTION_SORT_FIELDS, { error: "must be one of: created_at, status" }).optional(),
  sortDirection: SortDirection.optional(),
});
export type ExecutionListParams = z.infer<typeof ExecutionListParams>;

export const ExecutionPage = pageOf(Execution);
export type ExecutionPage = z.infer<typeof ExecutionPage>;

/** The statuses a caller may set through `POST /executions/{id}/status`. */
export const SETTABLE_STATUSES = ["running", "paused", "cancelled"] as const;

/** Body of `POST /executions/{id}/status`. */
export const StatusUpdateRequest = z.strictObject({
  status: z.enum(SETTABLE_STATUSES, { error: "must be one of: running, paused, cancelled" }),
});
export type StatusUpdateRequest = z.infer<typeof StatusUpdateRequest>;

/** Body of `POST /executions/{id}/user-messages`. */
export const UserMessageRequest = z.strictObject({
  message: z
    .string({ error: "must be a non-empty string" })
    .min(1, { error: "must not be empty" })
    .max(10_000, { error: "must be at most 10000 characters" }),
});
export type UserMessageRequest = z.infer<typeof UserMessageRequest>;

/** Query of `GET /executions/{id}/activities`. */
export const ActivityListParams = z.strictObject({
  order: SortDirection.optional(),
  /** The API documents no maximum and no default: without a limit every activity comes back. */
  limit: z
    .int({ error: "must be a whole number of 1 or more" })
    .min(1, { error: "must be 1 or more" })
    .optional(),
});
export type ActivityListParams = z.infer<typeof ActivityListParams>;
