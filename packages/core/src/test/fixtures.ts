import type {
  AgentListItem,
  AgentProfilePool,
  Execution,
  RegistryAgent,
  UserContext,
} from "../models/index.ts";

/** Ids the tests use, recognisable in failure output. */
export const ORG_ID = "0a1b2c3d-0000-4000-8000-000000000001";
export const POOL_ID = "0a1b2c3d-0000-4000-8000-000000000002";
export const AGENT_ID = "0a1b2c3d-0000-4000-8000-000000000003";
export const EXECUTION_ID = "0a1b2c3d-0000-4000-8000-000000000004";
export const PROFILE_ID = "0a1b2c3d-0000-4000-8000-000000000005";
export const USER_ID = "0a1b2c3d-0000-4000-8000-000000000006";
export const REGISTRY_AGENT_ID = "013xrzp12g3nqk8nx0y2vfkg4s3jp2qr";

const AT = "2025-01-02T03:04:05Z";

/** A uuid that differs per index, for lists. */
export function uuidAt(index: number): string {
  return `0a1b2c3d-0000-4000-8000-${index.toString(16).padStart(12, "0")}`;
}

export function pool(overrides: Partial<AgentProfilePool> = {}): AgentProfilePool {
  return {
    id: POOL_ID,
    name: "Checkout bots",
    organizationId: ORG_ID,
    selectionStrategy: "least_recently_used",
    allowConcurrentUse: false,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function agent(overrides: Partial<AgentListItem> = {}): AgentListItem {
  return {
    id: AGENT_ID,
    name: "Checkout",
    createdAt: AT,
    userId: USER_ID,
    organizationId: ORG_ID,
    ...overrides,
  };
}

export function execution(overrides: Partial<Execution> = {}): Execution {
  return {
    id: EXECUTION_ID,
    agentId: AGENT_ID,
    agentName: "Checkout",
    organizationId: ORG_ID,
    workflowId: uuidAt(99),
    status: "running",
    createdAt: AT,
    comments: [],
    humanLabels: [],
    ...overrides,
  };
}

export function executionResult(): NonNullable<Execution["executionResult"]> {
  return {
    id: uuidAt(77),
    executionId: EXECUTION_ID,
    createdAt: AT,
    outcome: "success",
    reasoning: "done",
    result: { total: 3 },
  };
}

export function userContext(): UserContext {
  return {
    userId: USER_ID,
    email: "ada@example.com",
    organizations: [{ id: ORG_ID, name: "Acme", role: "admin" }],
  };
}

export function registryAgent(overrides: Partial<RegistryAgent> = {}): RegistryAgent {
  return {
    id: REGISTRY_AGENT_ID,
    type: "agent",
    name: "My Agent",
    description: "Books flights",
    status: "pending",
    inserted_at: AT,
    updated_at: AT,
    instance_counts: { active: 0, cancelled: 0, complete: 0, failed: 0, finished: 0, pending: 0, total: 0 },
    available_actions: { delete: true, reinstate: false, retire: true, update: true },
    ...overrides,
  };
}

export function registryPagination(count: number) {
  return {
    item_count: count,
    item_start: count === 0 ? 0 : 1,
    item_end: count,
    page_count: 1,
    page_index: 1,
    page_offset: 0,
    page_size: 20,
    next_page_offset: null,
    previous_page_offset: null,
  };
}
