import { MatchersV3 } from "@pact-foundation/pact";
import {
  REGISTRY_AGENT_DESCRIPTION,
  REGISTRY_AGENT_EXTERNAL_ID,
  REGISTRY_AGENT_ID,
  REGISTRY_AGENT_NAME,
} from "./examples.ts";
import { registryId, timestamp } from "./matchers.ts";

const { boolean, eachLike, integer, string } = MatchersV3;

/*
 * Response bodies of the agent registry API v1 as agentdeck-core reads them. The agent's status is an
 * open enum in the client, so it is matched as a string; `type`, the envelope's `status` and error
 * `code`s are fixed by the API and matched exactly.
 */

/** A registered agent as a list shows it (an item of `summaries`): no instance counts. */
export function registrySummaryBody(example: { id?: string; status?: string } = {}) {
  return {
    id: registryId(example.id ?? REGISTRY_AGENT_ID),
    type: "agent",
    name: string(REGISTRY_AGENT_NAME),
    description: string(REGISTRY_AGENT_DESCRIPTION),
    status: string(example.status ?? "pending"),
    inserted_at: timestamp(),
    updated_at: timestamp(),
    available_actions: {
      delete: boolean(false),
      reinstate: boolean(false),
      retire: boolean(true),
      update: boolean(true),
    },
  };
}

/** A registered agent with its instance counts (`details` of a write, or of a read asked with include_counts). */
export function registryAgentBody(example: { id?: string; status?: string } = {}) {
  return {
    ...registrySummaryBody(example),
    instance_counts: {
      active: integer(0),
      cancelled: integer(0),
      complete: integer(0),
      failed: integer(0),
      finished: integer(0),
      pending: integer(0),
      terminated: integer(0),
      total: integer(0),
    },
  };
}

/** An agent as created: with its environment (seed 004) and the external identifier it was given. */
export function createdAgentBody() {
  return {
    ...registryAgentBody(),
    external_identifier: string(REGISTRY_AGENT_EXTERNAL_ID),
    environment_id: registryId("013xrzp12g3nqk8nzxvq7jm2arsfg5h1"),
  };
}

/** The `{status: "success", details}` envelope around one agent. */
export function agentEnvelopeBody(details: unknown) {
  return { status: "success", details };
}

/**
 * The list envelope for a single page: `next_page_offset` and `previous_page_offset` are null, as
 * the provider state holds fewer agents than a page.
 */
export function agentListBody(pageSize: number) {
  return {
    status: "success",
    summaries: eachLike(registrySummaryBody()),
    pagination: {
      item_count: integer(1),
      item_start: integer(1),
      item_end: integer(1),
      page_count: integer(1),
      page_index: integer(1),
      page_offset: integer(0),
      page_size: integer(pageSize),
      next_page_offset: null,
      previous_page_offset: null,
    },
    sorting: { field: string("id"), direction: string("desc") },
  };
}

/** The `{status: "error", code, message}` envelope of every registry error. */
export function registryErrorBody(code: string, message: string) {
  return { status: "error", code, message: string(message) };
}
