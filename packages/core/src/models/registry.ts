import * as z from "zod";
import { DateTime, openEnum } from "./common.ts";

/**
 * Registry ids are PFIDs: 32 characters of lowercase Crockford base32, the first 0 to 7 (the top bits
 * of a 48-bit timestamp), with the account's partition in characters 10 to 15.
 */
export const REGISTRY_ID_PATTERN = /^[0-7][0-9a-hjkmnp-tv-z]{31}$/;

export const RegistryId = z
  .string({ error: "must be a 32-character registry id (a PFID)" })
  .regex(REGISTRY_ID_PATTERN, {
    error:
      "must be a PFID: 32 lowercase base32 characters (no i, l, o, u), the first 0 to 7, such as 013xrzp12g3nqk8nx0y2vfkg4s3jp2qr",
  });

/**
 * Fields `GET /api/v1/agent` sorts agents by (`sorting=name`, `sorting=-id`: a leading `-` sorts
 * descending). Ids are PFIDs, which begin with their creation time, so `-id` is newest first.
 */
export const REGISTRY_SORT_FIELDS = ["name", "id", "status", "external_identifier"] as const;
export type RegistrySortField = (typeof REGISTRY_SORT_FIELDS)[number];

/** Every value `sorting` takes: each field, ascending or with `-` descending. */
export const REGISTRY_SORTINGS = REGISTRY_SORT_FIELDS.flatMap((field) => [field, `-${field}`] as const);
export type RegistrySorting = RegistrySortField | `-${RegistrySortField}`;

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

/** An agent as a registry list item shows it: a summary, without instance counts. */
export const RegistryAgentSummary = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  external_identifier: z.string().nullable().optional(),
  status: openEnum(REGISTRY_AGENT_STATUSES),
  inserted_at: DateTime,
  updated_at: DateTime,
  available_actions: AvailableActions,
  owner_person_id: z.string().nullable().optional(),
  team_id: z.string().nullable().optional(),
  risk_profile_id: z.string().nullable().optional(),
  environment_id: z.string().nullable().optional(),
  current_version_id: z.string().nullable().optional(),
  current_schema_version_id: z.string().nullable().optional(),
});
export type RegistryAgentSummary = z.infer<typeof RegistryAgentSummary>;

/**
 * An agent in the registry (snake_case, as the API sends it). `instance_counts` comes with writes'
 * answers, and with a read only when asked for (`includeCounts`).
 */
export const RegistryAgent = RegistryAgentSummary.extend({ instance_counts: InstanceCounts.optional() });
export type RegistryAgent = z.infer<typeof RegistryAgent>;

const AgentName = z
  .string({ error: "must be a string of 1 to 255 characters" })
  .trim()
  .min(1, { error: "must be 1 to 255 characters" })
  .max(255, { error: "must be 1 to 255 characters" });
const AgentDescription = z
  .string({ error: "must be a string of at most 2000 characters" })
  .max(2000, { error: "must be at most 2000 characters" })
  .nullable();

/** The `details` of `POST /api/v1/agent`. */
export const CreateRegistryAgentRequest = z.strictObject({
  name: AgentName,
  description: AgentDescription.optional(),
  /** Your own id for the agent, unique in the account; it can only be set here, at create. */
  external_identifier: z
    .string({ error: "must be a string of 1 to 255 characters" })
    .min(1, { error: "must be 1 to 255 characters" })
    .max(255, { error: "must be 1 to 255 characters" })
    .nullable()
    .optional(),
  /** An id of your choosing: a PFID in your account's partition. */
  id: RegistryId.optional(),
  owner_person_id: RegistryId.nullable().optional(),
  risk_profile_id: RegistryId.nullable().optional(),
  team_id: RegistryId.nullable().optional(),
});
export type CreateRegistryAgentRequest = z.infer<typeof CreateRegistryAgentRequest>;

/** The `details` of `PUT /api/v1/agent/{id}`: only the fields given change; `null` clears one. */
export const UpdateRegistryAgentRequest = z.strictObject({
  name: AgentName.optional(),
  description: AgentDescription.optional(),
  owner_person_id: RegistryId.nullable().optional(),
  risk_profile_id: RegistryId.nullable().optional(),
  team_id: RegistryId.nullable().optional(),
  // Named so the refusal says why rather than "not a known field".
  external_identifier: z.never({ error: "can only be set when the agent is created" }).optional(),
});
export type UpdateRegistryAgentRequest = z.infer<typeof UpdateRegistryAgentRequest>;

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

/** The `sorting` a registry list answers with. */
export const RegistrySortingOutput = z.object({ field: z.string(), direction: openEnum(["asc", "desc"]) });

/** The `{status, summaries, pagination, sorting}` envelope of `GET /api/v1/agent`. */
export const RegistryAgentListEnvelope = z.object({
  status: z.literal("success"),
  summaries: z.array(RegistryAgentSummary),
  pagination: RegistryPagination.nullable(),
  sorting: RegistrySortingOutput.nullable().optional(),
});

/** Query of `GET /api/v1/agent`, named as in the rest of the client; `REGISTRY_LIST_QUERY_NAMES` gives the wire names. */
export const RegistryListParams = z.strictObject({
  /** Zero-based index of the first agent. */
  offset: z
    .int({ error: "must be a whole number, 0 or more" })
    .min(0, { error: "must be 0 or more" })
    .optional(),
  /** Agents per page, 1 to 100 as the registry documents. */
  pageSize: z
    .int({ error: "must be a whole number from 1 to 100" })
    .min(1, { error: "must be from 1 to 100" })
    .max(100, { error: "must be from 1 to 100" })
    .optional(),
  sorting: z
    .enum(REGISTRY_SORTINGS as [RegistrySorting, ...RegistrySorting[]], {
      error: `must be one of ${REGISTRY_SORT_FIELDS.join(", ")}, optionally prefixed with - for descending (e.g. -id)`,
    })
    .optional(),
  riskProfileId: RegistryId.optional(),
  teamId: RegistryId.optional(),
  ownerPersonId: RegistryId.optional(),
});
export type RegistryListParams = z.infer<typeof RegistryListParams>;

/** The query parameter each `RegistryListParams` field travels as. */
export const REGISTRY_LIST_QUERY_NAMES = {
  offset: "pagination[offset]",
  pageSize: "pagination[page_size]",
  sorting: "sorting",
  riskProfileId: "risk_profile_id",
  teamId: "team_id",
  ownerPersonId: "owner_person_id",
} as const satisfies Record<keyof RegistryListParams, string>;

/** Query of `GET /api/v1/agent/{id}`. */
export const RegistryGetParams = z.strictObject({
  /** Also answer the agent's `instance_counts` (`include_counts=true`). */
  includeCounts: z.boolean({ error: "must be true or false" }).optional(),
});
export type RegistryGetParams = z.infer<typeof RegistryGetParams>;

/** Query of `GET /api/v1/agent/show`: one agent by exactly one of `agentId` and `externalIdentifier`. */
export const RegistryShowParams = z
  .strictObject({
    agentId: RegistryId.optional(),
    externalIdentifier: z
      .string({ error: "must be a string of 1 to 255 characters" })
      .min(1, { error: "must be 1 to 255 characters" })
      .max(255, { error: "must be 1 to 255 characters" })
      .optional(),
    includeCounts: z.boolean({ error: "must be true or false" }).optional(),
  })
  .check((ctx) => {
    const { agentId, externalIdentifier } = ctx.value;
    if ((agentId === undefined) === (externalIdentifier === undefined)) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: ["externalIdentifier"],
        message: "give exactly one of agentId and externalIdentifier",
      });
    }
  });
export type RegistryShowParams = z.infer<typeof RegistryShowParams>;

/** The registry's longest idempotency key, as Prefactor's SDKs enforce it. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 64;
