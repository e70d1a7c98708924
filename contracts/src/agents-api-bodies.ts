import { MatchersV3 } from "@pact-foundation/pact";
import {
  AGENT_ID,
  AGENT_NAME,
  COMPLETED_EXECUTION_ID,
  EXECUTION_FILE_NAME,
  ORGANIZATION_ID,
  ORGANIZATION_NAME,
  POOL_ID,
  POOL_NAME,
  RUNNING_EXECUTION_ID,
  STAGED_FILE_ID,
  STAGED_FILE_NAME,
} from "./examples.ts";
import { timestamp, uuid } from "./matchers.ts";

const { boolean, eachLike, integer, like, string } = MatchersV3;

/*
 * Response bodies of the Asteroid Agents API v2 as agentdeck-core reads them: the fields its zod models
 * require, matched by type or format, never by value. Enums the client keeps open (selectionStrategy,
 * execution status) are matched as strings, because a value the client does not know yet must not fail
 * the contract either.
 */

/** An agent profile pool. */
export function poolBody(example: { id?: string; name?: string } = {}) {
  return {
    id: uuid(example.id ?? POOL_ID),
    name: string(example.name ?? POOL_NAME),
    organizationId: uuid(ORGANIZATION_ID),
    selectionStrategy: string("least_recently_used"),
    allowConcurrentUse: boolean(false),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  };
}

/** The `{items, page, pageSize, total}` page around at least one item. */
export function pageBody(item: unknown, example: { page: number; pageSize: number; total: number }) {
  return {
    items: eachLike(item),
    page: integer(example.page),
    pageSize: integer(example.pageSize),
    total: integer(example.total),
  };
}

/** An agent as `GET /agents` lists it. */
export function agentBody() {
  return {
    id: uuid(AGENT_ID),
    name: string(AGENT_NAME),
    createdAt: timestamp(),
    userId: uuid("2b4d6f8a-0c2e-4a4c-9e6b-8d0f2a4c6e8a"),
    organizationId: uuid(ORGANIZATION_ID),
  };
}

const commentBody = {
  id: uuid("4c6e8a0c-2e4a-4c6e-8a0c-2e4a6c8e0a2c"),
  executionId: uuid(RUNNING_EXECUTION_ID),
  userId: uuid("2b4d6f8a-0c2e-4a4c-9e6b-8d0f2a4c6e8a"),
  content: string("Checked with finance: fine"),
  public: boolean(false),
  createdAt: timestamp(),
};

const humanLabelBody = {
  id: uuid("5d7f9b1d-3f5b-4d7f-9b1d-3f5b7d9f1b3d"),
  organizationId: uuid(ORGANIZATION_ID),
  name: string("needs review"),
  color: string("#FF5733"),
  createdAt: timestamp(),
};

/** An execution, as `GET /executions/{id}` returns it and `GET /executions` lists it. */
export function executionBody(example: { id?: string; status?: string } = {}) {
  return {
    id: uuid(example.id ?? RUNNING_EXECUTION_ID),
    agentId: uuid(AGENT_ID),
    agentName: string(AGENT_NAME),
    organizationId: uuid(ORGANIZATION_ID),
    workflowId: uuid("6e8a0c2e-4a6c-4e8a-8c2e-4a6c8e0a2c4e"),
    status: string(example.status ?? "running"),
    createdAt: timestamp(),
    // Both vendor SDKs require these two.
    agentVersion: integer(1),
    agentVersionDirty: boolean(false),
    // Zero or more: the client reads every comment and label it gets, and runs often have none.
    comments: eachLike(commentBody, 0),
    humanLabels: eachLike(humanLabelBody, 0),
  };
}

/** A finished execution: its result, and when it ended. */
export function completedExecutionBody() {
  return {
    ...executionBody({ id: COMPLETED_EXECUTION_ID, status: "completed" }),
    terminalAt: timestamp("2025-01-15T09:31:12.000Z"),
    executionResult: {
      id: uuid("7f9b1d3f-5b7d-4f9b-9d3f-5b7d9f1b3d5f"),
      executionId: uuid(COMPLETED_EXECUTION_ID),
      createdAt: timestamp("2025-01-15T09:31:12.000Z"),
      outcome: string("success"),
      reasoning: string("All invoices were downloaded."),
      result: like({ invoices: 3 }),
    },
  };
}

/** One entry of an activity feed: here a `status_changed` one, the first entry of every feed. */
export function statusChangedActivityBody(executionId: string) {
  return {
    id: uuid("8a0c2e4a-6c8e-4a0c-ae4a-6c8e0a2c4e6a"),
    executionId: uuid(executionId),
    timestamp: timestamp(),
    payload: { activityType: "status_changed", status: string("starting") },
  };
}

/** `GET /context`: the caller and their organizations. */
export function contextBody() {
  return {
    userId: uuid("2b4d6f8a-0c2e-4a4c-9e6b-8d0f2a4c6e8a"),
    email: string("ada@example.com"),
    organizations: eachLike({
      id: uuid(ORGANIZATION_ID),
      name: string(ORGANIZATION_NAME),
      role: string("admin"),
    }),
  };
}

/** A file of an execution's context, as `GET /executions/{id}/context-files` lists it. */
export function executionFileBody(executionId: string) {
  return {
    id: uuid("4c6e8a0c-2e4a-4c6e-8a0c-2e4a6c8e0a2c"),
    executionId: uuid(executionId),
    agentId: uuid(AGENT_ID),
    filePath: string(`uploads/${EXECUTION_FILE_NAME}`),
    fileName: string(EXECUTION_FILE_NAME),
    fileExt: string("csv"),
    fileSize: integer(42),
    fileType: string("upload"),
    mimeType: string("text/csv"),
    createdAt: timestamp(),
    signedUrl: string("https://files.example/report.csv?signature=abc"),
  };
}

/** What `POST /temp-files/{organizationId}` answers: the staged files, for execute's `tempFiles`. */
export function stagedFilesBody() {
  return { tempFiles: eachLike({ id: uuid(STAGED_FILE_ID), name: string(STAGED_FILE_NAME) }) };
}

/** The `{code, message}` body of every v2 error; `code` repeats the HTTP status. */
export function errorBody(status: number, message: string) {
  return { code: status, message: string(message) };
}
