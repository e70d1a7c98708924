import * as z from "zod";
import { DateTime, nameSearchParams, openEnum, pageOf, ResponseUuid, Uuid } from "./common.ts";

export const SELECTION_STRATEGIES = ["least_recently_used", "most_recently_used"] as const;

/** How a pool picks an available profile for an execution. */
export const SelectionStrategy = z.enum(SELECTION_STRATEGIES, {
  error: "must be one of: least_recently_used, most_recently_used",
});
export type SelectionStrategy = z.infer<typeof SelectionStrategy>;

const PoolName = z
  .string({ error: "must be a string of 1 to 255 characters" })
  .min(1, { error: "must be 1 to 255 characters" })
  .max(255, { error: "must be 1 to 255 characters" });

/** A pool of agent profiles used for credential rotation. */
export const AgentProfilePool = z.object({
  id: ResponseUuid,
  name: z.string(),
  organizationId: ResponseUuid,
  selectionStrategy: openEnum(SELECTION_STRATEGIES),
  allowConcurrentUse: z.boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type AgentProfilePool = z.infer<typeof AgentProfilePool>;

/** Body of `POST /agent-profile-pools`. */
export const CreatePoolRequest = z.strictObject({
  name: PoolName,
  organizationId: Uuid,
  allowConcurrentUse: z.boolean({ error: "must be true or false" }).optional(),
  selectionStrategy: SelectionStrategy.optional(),
});
export type CreatePoolRequest = z.infer<typeof CreatePoolRequest>;

/** Body of `PATCH /agent-profile-pools/{poolId}`: every field optional. */
export const UpdatePoolRequest = z.strictObject({
  name: PoolName.optional(),
  allowConcurrentUse: z.boolean({ error: "must be true or false" }).optional(),
  selectionStrategy: SelectionStrategy.optional(),
});
export type UpdatePoolRequest = z.infer<typeof UpdatePoolRequest>;

export const POOL_SORT_FIELDS = ["name", "created_at", "updated_at"] as const;
export const PoolSortField = z.enum(POOL_SORT_FIELDS, {
  error: "must be one of: name, created_at, updated_at",
});
export type PoolSortField = z.infer<typeof PoolSortField>;

/** Query of `GET /agent-profile-pools`. */
export const PoolListParams = nameSearchParams(PoolSortField);
export type PoolListParams = z.infer<typeof PoolListParams>;

export const PoolPage = pageOf(AgentProfilePool);
export type PoolPage = z.infer<typeof PoolPage>;
