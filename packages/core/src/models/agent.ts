import * as z from "zod";
import { DateTime, nameSearchParams, pageOf, ResponseUuid } from "./common.ts";

/** An agent as `GET /agents` lists it. */
export const AgentListItem = z.object({
  id: ResponseUuid,
  name: z.string(),
  createdAt: DateTime,
  userId: ResponseUuid,
  organizationId: ResponseUuid.optional(),
});
export type AgentListItem = z.infer<typeof AgentListItem>;

export const AGENT_SORT_FIELDS = ["name", "created_at"] as const;
export const AgentSortField = z.enum(AGENT_SORT_FIELDS, { error: "must be one of: name, created_at" });
export type AgentSortField = z.infer<typeof AgentSortField>;

/** Query of `GET /agents`. */
export const AgentListParams = nameSearchParams(AgentSortField);
export type AgentListParams = z.infer<typeof AgentListParams>;

export const AgentPage = pageOf(AgentListItem);
export type AgentPage = z.infer<typeof AgentPage>;
