import * as z from "zod";
import { DateTime, openEnum } from "./common.ts";

/** Registry ids: 32 characters of lowercase Crockford base32, such as 013xrzp12g3nqk8nx0y2vfkg4s3jp2qr. */
export const REGISTRY_ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{32}$/;

export const RegistryId = z
  .string({ error: "must be a 32-character registry id" })
  .regex(REGISTRY_ID_PATTERN, {
    error: "must be 32 lowercase base32 characters, such as 013xrzp12g3nqk8nx0y2vfkg4s3jp2qr",
  });

/** Fields `GET /api/v1/agent` sorts by (`name`, `-inserted_at`, …: a leading `-` sorts descending). */
export const REGISTRY_SORT_FIELDS = ["name", "inserted_at", "updated_at", "status"] as const;
export type RegistrySortField = (typeof REGISTRY_SORT_FIELDS)[number];

export const REGISTRY_AGENT_STATUSES = ["pending", "active", "dormant", "retired"] as const;

/** Instances of a registered agent, by status. */
export const InstanceCounts = z.object({
  active: z.int(),
  cancelled: z.int(),
  complete: z.int(),
  failed: z.int(),
  finished: z.int(),
  pending: z.int(),
  terminated: z.int().optional(),
  total: z.int(),
});
export type InstanceCounts = z.infer<typeof InstanceCounts>;

/** What may be done to an agent now, given its status and instances. */
export const AvailableActions = z.object({
  delete: z.boolean(),
  reinstate: z.boolean(),
  retire: z.boolean(),
  update: z.boolean(),
});
export type AvailableActions = z.infer<typeof AvailableActions>;

/** An agent in the registry (snake_case, as the API sends it). */
export const RegistryAgent = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  status: openEnum(REGISTRY_AGENT_STATUSES),
  inserted_at: DateTime,
  updated_at: DateTime,
  instance_counts: InstanceCounts,
  available_actions: AvailableActions,
  environment_id: z.string().nullable().optional(),
  current_version_id: z.string().nullable().optional(),
  current_schema_version_id: z.string().nullable().optional(),
  risk_profile_id: z.string().nullable().optional(),
});
export type RegistryAgent = z.infer<typeof RegistryAgent>;

/** The `details` of `POST /api/v1/agent`. */
export const CreateRegistryAgentRequest = z.strictObject({
  name: z
    .string({ error: "must be a string of 1 to 255 characters" })
    .trim()
    .min(1, { error: "must be 1 to 255 characters" })
    .max(255, { error: "must be 1 to 255 characters" }),
  description: z
    .string({ error: "must be a string of at most 2000 characters" })
    .max(2000, { error: "must be at most 2000 characters" })
    .nullable()
    .optional(),
  risk_profile_id: RegistryId.nullable().optional(),
});
export type CreateRegistryAgentRequest = z.infer<typeof CreateRegistryAgentRequest>;

/** The `{status: "success", details}` envelope around one agent. */
export const RegistryAgentEnvelope = z.object({ status: z.literal("success"), details: RegistryAgent });

/** Paging of a registry list. */
export const RegistryPagination = z.object({
  item_count: z.int(),
  item_start: z.int(),
  item_end: z.int(),
  page_count: z.int(),
  page_index: z.int(),
  page_offset: z.int(),
  page_size: z.int(),
  next_page_offset: z.int().nullable(),
  previous_page_offset: z.int().nullable(),
});
export type RegistryPagination = z.infer<typeof RegistryPagination>;

/** The `{status, summaries, pagination}` envelope of `GET /api/v1/agent`. */
export const RegistryAgentListEnvelope = z.object({
  status: z.literal("success"),
  summaries: z.array(RegistryAgent),
  pagination: RegistryPagination,
});

/** Query of `GET /api/v1/agent`. */
export const RegistryListParams = z.strictObject({
  offset: z
    .int({ error: "must be a whole number, 0 or more" })
    .min(0, { error: "must be 0 or more" })
    .optional(),
  page_size: z
    .int({ error: "must be a whole number from 1 to 100" })
    .min(1, { error: "must be from 1 to 100" })
    .max(100, { error: "must be from 1 to 100" })
    .optional(),
  sort: z
    .string({ error: "must be a field name, optionally prefixed with - for descending" })
    .regex(/^-?[a-z_]+$/, {
      error: "must be a field name, optionally prefixed with - for descending (e.g. -inserted_at)",
    })
    .optional(),
});
export type RegistryListParams = z.infer<typeof RegistryListParams>;
