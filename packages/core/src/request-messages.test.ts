import { describe, expect, it } from "vitest";
import type * as z from "zod";
import { RequestValidationError } from "./errors.ts";
import { ACTIVITY_TYPES, ActivityList } from "./models/activity.ts";
import { SortDirection, Uuid } from "./models/common.ts";
import { ExecuteRequest, ExecutionOptions, TempFile } from "./models/execute.ts";
import {
  ActivityListParams,
  ExecutionListParams,
  ExecutionStatus,
  StatusUpdateRequest,
  UserMessageRequest,
} from "./models/execution.ts";
import { CreatePoolRequest, SelectionStrategy, UpdatePoolRequest } from "./models/pool.ts";
import { CreateRegistryAgentRequest, RegistryId } from "./models/registry.ts";
import { formatPath, parseId, parseRequest, toIssues } from "./validate.ts";

// We promise messages that name the field and say what is allowed: each is pinned word for word.

const POOL = "0a1b2c3d-0000-4000-8000-000000000002";

function messageOf(schema: z.ZodType, input: unknown, what = "value"): string {
  try {
    parseRequest(schema, input, what);
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationError);
    return (error as Error).message;
  }
  throw new Error("expected the input to be refused");
}

const CASES: [string, z.ZodType, unknown, string][] = [
  ["a uuid", Uuid, "nope", "must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a"],
  ["a sort direction", SortDirection, "up", "must be one of: asc, desc"],
  ["a registry id", RegistryId, 12, "must be a 32-character registry id (a PFID)"],
  [
    "a registry id of the wrong form",
    RegistryId,
    "ABC",
    "must be a PFID: 32 lowercase base32 characters (no i, l, o, u), the first 0 to 7, such as 013xrzp12g3nqk8nx0y2vfkg4s3jp2qr",
  ],
  [
    "an execution status",
    ExecutionStatus,
    "done",
    "must be one of: starting, running, paused, awaiting_confirmation, completed, cancelled, failed, paused_by_agent",
  ],
  [
    "a selection strategy",
    SelectionStrategy,
    "lru",
    "must be one of: least_recently_used, most_recently_used",
  ],
  [
    "a temp file's id",
    TempFile,
    { id: "x", name: "a" },
    "id: must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a",
  ],
  ["a temp file's empty name", TempFile, { id: POOL, name: "" }, "name: must not be empty"],
  ["a temp file's name that is not a string", TempFile, { id: POOL, name: 3 }, "name: must be a string"],
  [
    "an empty sharedStorageKey",
    ExecutionOptions,
    { sharedStorageKey: "" },
    "sharedStorageKey: must not be empty",
  ],
  [
    "a sharedStorageKey that is not a string",
    ExecutionOptions,
    { sharedStorageKey: 1 },
    "sharedStorageKey: must be a string",
  ],
  [
    "a softTimeoutMins of 0",
    ExecutionOptions,
    { softTimeoutMins: 0 },
    "softTimeoutMins: must be a whole number of minutes, 1 or more",
  ],
  [
    "a softTimeoutMins of 1.5",
    ExecutionOptions,
    { softTimeoutMins: 1.5 },
    "softTimeoutMins: must be a whole number of minutes, 1 or more",
  ],
  [
    "execute inputs that are a list",
    ExecuteRequest,
    { agentProfilePoolId: POOL, inputs: [] },
    "inputs: must be an object",
  ],
  [
    "execute dynamicData that is text",
    ExecuteRequest,
    { agentProfilePoolId: POOL, dynamicData: "x" },
    "dynamicData: must be an object",
  ],
  [
    "execute metadata that is not text",
    ExecuteRequest,
    { agentProfilePoolId: POOL, metadata: { a: 1 } },
    "metadata.a: must be a string (metadata maps strings to strings)",
  ],
  [
    "an execute version of 0",
    ExecuteRequest,
    { agentProfilePoolId: POOL, version: 0 },
    "version: must be 1 or more",
  ],
  [
    "an execute version of 1.5",
    ExecuteRequest,
    { agentProfilePoolId: POOL, version: 1.5 },
    "version: must be a whole number, 1 or more",
  ],
  [
    "an execution list agentVersion of 0",
    ExecutionListParams,
    { agentVersion: 0 },
    "agentVersion: must be 1 or more",
  ],
  [
    "an execution list agentVersion of 1.5",
    ExecutionListParams,
    { agentVersion: 1.5 },
    "agentVersion: must be a whole number",
  ],
  [
    "an execution list createdAfter that is no date",
    ExecutionListParams,
    { createdAfter: "yesterday" },
    "createdAfter: must be an ISO 8601 date-time",
  ],
  [
    "an execution list createdBefore that is no date",
    ExecutionListParams,
    { createdBefore: "2025-01-01" },
    "createdBefore: must be an ISO 8601 date-time",
  ],
  [
    "an execution list status that is not a list",
    ExecutionListParams,
    { status: "running" },
    "status: must be a list of execution statuses",
  ],
  [
    "an execution list sortField",
    ExecutionListParams,
    { sortField: "name" },
    "sortField: must be one of: created_at, status",
  ],
  [
    "a status that cannot be set",
    StatusUpdateRequest,
    { status: "failed" },
    "status: must be one of: running, paused, cancelled",
  ],
  [
    "a user message that is not text",
    UserMessageRequest,
    { message: 1 },
    "message: must be a non-empty string",
  ],
  ["an empty user message", UserMessageRequest, { message: "" }, "message: must not be empty"],
  [
    "a user message too long",
    UserMessageRequest,
    { message: "x".repeat(10_001) },
    "message: must be at most 10000 characters",
  ],
  ["an activity limit of 0", ActivityListParams, { limit: 0 }, "limit: must be 1 or more"],
  [
    "an activity limit of 1.5",
    ActivityListParams,
    { limit: 1.5 },
    "limit: must be a whole number of 1 or more",
  ],
  [
    "a pool name that is not text",
    CreatePoolRequest,
    { name: 1, organizationId: POOL },
    "name: must be a string of 1 to 255 characters",
  ],
  [
    "an empty pool name",
    CreatePoolRequest,
    { name: "", organizationId: POOL },
    "name: must be 1 to 255 characters",
  ],
  ["a pool name too long", UpdatePoolRequest, { name: "x".repeat(256) }, "name: must be 1 to 255 characters"],
  [
    "a pool allowConcurrentUse that is not a boolean",
    UpdatePoolRequest,
    { allowConcurrentUse: "yes" },
    "allowConcurrentUse: must be true or false",
  ],
  [
    "a pool without its organization",
    CreatePoolRequest,
    { name: "a" },
    "organizationId: is required: must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a",
  ],
  [
    "a registry agent name that is not text",
    CreateRegistryAgentRequest,
    { name: 1 },
    "name: must be a string of 1 to 255 characters",
  ],
  [
    "a registry agent name of spaces",
    CreateRegistryAgentRequest,
    { name: "   " },
    "name: must be 1 to 255 characters",
  ],
  [
    "a registry agent name too long",
    CreateRegistryAgentRequest,
    { name: "x".repeat(256) },
    "name: must be 1 to 255 characters",
  ],
  [
    "a registry agent description that is not text",
    CreateRegistryAgentRequest,
    { name: "a", description: 1 },
    "description: must be a string of at most 2000 characters",
  ],
  [
    "a registry agent description too long",
    CreateRegistryAgentRequest,
    { name: "a", description: "x".repeat(2001) },
    "description: must be at most 2000 characters",
  ],
];

describe("request validation messages", () => {
  it.each(CASES)("refuses %s with its own message", (_, schema, input, message) => {
    expect(messageOf(schema, input)).toBe(`Invalid value: ${message}`);
  });

  it("accepts the edges it names", () => {
    expect(() => parseRequest(UserMessageRequest, { message: "x".repeat(10_000) }, "m")).not.toThrow();
    expect(() => parseRequest(ActivityListParams, { limit: 100_000 }, "a")).not.toThrow();
    expect(() => parseRequest(ActivityListParams, { limit: 1 }, "a")).not.toThrow();
    expect(() =>
      parseRequest(CreatePoolRequest, { name: "x".repeat(255), organizationId: POOL }, "p"),
    ).not.toThrow();
    expect(() =>
      parseRequest(CreateRegistryAgentRequest, { name: "a", description: "x".repeat(2000) }, "r"),
    ).not.toThrow();
    expect(() => parseRequest(ExecuteRequest, { agentProfilePoolId: POOL, version: 1 }, "e")).not.toThrow();
    expect(() =>
      parseRequest(ExecutionOptions, { sharedStorageKey: "k", softTimeoutMins: 1 }, "o"),
    ).not.toThrow();
  });

  it("names an unknown field at the top and lists the allowed ones; a nested one only by its path", () => {
    expect(messageOf(UpdatePoolRequest, { nam: "a" }, "pool update")).toBe(
      "Invalid pool update: nam: is not a known field; allowed: name, allowConcurrentUse, selectionStrategy",
    );
    expect(messageOf(ExecuteRequest, { agentProfilePoolId: POOL, executionOptions: { x: 1 } })).toBe(
      "Invalid value: executionOptions.x: is not a known field",
    );
  });

  it("says a missing field is required, and a wrong top-level value only what is allowed", () => {
    expect(messageOf(UserMessageRequest, {})).toBe(
      "Invalid value: message: is required: must be a non-empty string",
    );
    expect(messageOf(UserMessageRequest, { message: null })).toBe(
      "Invalid value: message: must be a non-empty string",
    );
    // Without the input (zod leaves it out unless asked), a wrong type is not called missing.
    expect(toIssues(UserMessageRequest.safeParse({}).error as z.ZodError)).toEqual([
      { path: "message", message: "must be a non-empty string" },
    ]);
    expect(messageOf(Uuid, undefined)).toBe(
      "Invalid value: must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a",
    );
  });

  it("reports an id under its own name", () => {
    let error: unknown;
    try {
      parseId(Uuid, "x", "poolId");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe(
      "Invalid id: poolId: must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a",
    );
    expect((error as RequestValidationError).issues).toEqual([
      { path: "poolId", message: "must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a" },
    ]);
  });

  it("writes paths with dots for fields and brackets for indexes", () => {
    expect(formatPath(["tempFiles", 0, "id"])).toBe("tempFiles[0].id");
    expect(formatPath([0, "a"])).toBe("[0].a");
    expect(formatPath([])).toBe("");
  });
});

describe("activities", () => {
  const base = { id: POOL, executionId: POOL, timestamp: "2025-01-02T03:04:05Z" };

  it("keeps an activity of an unknown type whole, and a known one to its model", () => {
    const parsed = ActivityList.safeParse([{ ...base, payload: { activityType: "brand_new", extra: 1 } }]);
    expect(parsed.success).toBe(true);
  });

  it("knows every documented activity type", () => {
    expect([...ACTIVITY_TYPES].sort()).toEqual(
      [
        "action_completed",
        "action_failed",
        "action_started",
        "file_added",
        "generic",
        "playwright_script_generated",
        "reasoning",
        "status_changed",
        "step_completed",
        "step_started",
        "terminal",
        "transitioned_node",
        "user_message_received",
        "workflow_updated",
      ].sort(),
    );
  });
});
