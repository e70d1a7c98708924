import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as z from "zod";
import { RequestValidationError } from "../errors.ts";
import { parseRequest } from "../validate.ts";
import { AGENT_SORT_FIELDS, AgentListParams } from "./agent.ts";
import { Uuid } from "./common.ts";
import { ExecuteRequest } from "./execute.ts";
import {
  ActivityListParams,
  EXECUTION_STATUSES,
  ExecutionListParams,
  SETTABLE_STATUSES,
  StatusUpdateRequest,
  UserMessageRequest,
} from "./execution.ts";
import {
  CreatePoolRequest,
  POOL_SORT_FIELDS,
  PoolListParams,
  SELECTION_STRATEGIES,
  UpdatePoolRequest,
} from "./pool.ts";
import {
  CreateRegistryAgentRequest,
  REGISTRY_ID_PATTERN,
  REGISTRY_SORTINGS,
  RegistryListParams,
  UpdateRegistryAgentRequest,
} from "./registry.ts";

// ── building blocks ──────────────────────────────────────────────────────────

const uuid = fc.uuid();
const notUuid = fc.oneof(
  fc.string().filter((s) => !Uuid.safeParse(s).success),
  fc.integer(),
  fc.constant(null),
);
const notString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
);
const notBoolean = fc.oneof(fc.string(), fc.integer(), fc.constant(null));
/** A string that is not one of `values`. */
const otherThan = (values: readonly string[]) =>
  fc.oneof(
    fc.string().filter((s) => !values.includes(s)),
    notString,
  );
const positiveInt = fc.integer({ min: 1, max: 1_000_000 });
const notPositiveInt = fc.oneof(
  fc.integer({ max: 0 }),
  fc.double({ min: 0.01, max: 1e6, noNaN: true }).filter((n) => !Number.isInteger(n)),
  fc.string(),
  fc.constant(null),
);
// `__proto__` as a key would change the prototype of the parsed copy instead of adding a field.
const key = fc.string({ maxLength: 20 }).filter((k) => k !== "__proto__");
const json = fc.jsonValue({ maxDepth: 2 });
const isoDateTime = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());
const sortDirection = fc.constantFrom("asc", "desc");

const page = fc.integer({ min: 1, max: 10_000 });
const notPage = fc.oneof(fc.integer({ max: 0 }), fc.constant(1.5), fc.string(), fc.constant(null));
/** v2 page sizes have no documented maximum, so the client sets none. */
const pageSize = fc.integer({ min: 1, max: 1_000_000 });
const notPageSize = fc.oneof(fc.integer({ max: 0 }), fc.constant(2.5), fc.string());
/** Registry page sizes are documented as 1 to 100. */
const registryId = fc.stringMatching(REGISTRY_ID_PATTERN);
const notRegistryId = fc.oneof(
  fc.string().filter((s) => !REGISTRY_ID_PATTERN.test(s)),
  fc.stringMatching(/^[89a-z][0-9a-hjkmnp-tv-z]{31}$/),
  fc.integer(),
);
const registryPageSize = fc.integer({ min: 1, max: 100 });
const notRegistryPageSize = fc.oneof(
  fc.integer({ max: 0 }),
  fc.integer({ min: 101 }),
  fc.constant(2.5),
  fc.string(),
);
const searchName = fc.string({ maxLength: 255 });
const tooLongSearch = fc.string({ minLength: 256, maxLength: 300 });

// ── the property each schema must have ───────────────────────────────────────

function isAt(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

function rejection(schema: z.ZodType, input: unknown): RequestValidationError {
  try {
    parseRequest(schema, input, "request");
  } catch (error) {
    if (error instanceof RequestValidationError) return error;
    throw error;
  }
  throw new Error(`accepted an invalid input: ${JSON.stringify(input)}`);
}

/**
 * Valid inputs parse to themselves; an input with one field made invalid is rejected with a message
 * naming that field; an input with an unknown field is rejected naming it.
 */
function describeRequestSchema<T extends Record<string, unknown>>(
  name: string,
  schema: z.ZodType,
  valid: fc.Arbitrary<T>,
  invalid: Partial<Record<keyof T & string, fc.Arbitrary<unknown>>>,
) {
  describe(name, () => {
    it("passes every valid input unchanged", () => {
      fc.assert(
        fc.property(valid, (input) => {
          expect(schema.parse(input)).toEqual(input);
        }),
      );
    });

    for (const [field, bad] of Object.entries(invalid) as [string, fc.Arbitrary<unknown>][]) {
      it(`rejects an invalid ${field} with a message naming it`, () => {
        fc.assert(
          fc.property(valid, bad, (input, value) => {
            const error = rejection(schema, { ...input, [field]: value });
            expect(error.issues.some((issue) => isAt(issue.path, field))).toBe(true);
            expect(error.message).toContain(field);
          }),
        );
      });
    }

    it("rejects an unknown field with a message naming it", () => {
      const known = Object.keys((schema as unknown as { shape: object }).shape);
      const unknown = key.filter((k) => k !== "" && !known.includes(k));
      fc.assert(
        fc.property(valid, unknown, (input, field) => {
          const error = rejection(schema, { ...input, [field]: "surprise" });
          expect(error.issues.map((issue) => issue.path)).toContain(field);
        }),
      );
    });
  });
}

// ── pools ────────────────────────────────────────────────────────────────────

const poolName = fc.string({ minLength: 1, maxLength: 255 });
const badPoolName = fc.oneof(fc.constant(""), fc.string({ minLength: 256, maxLength: 400 }), notString);
const strategy = fc.constantFrom(...SELECTION_STRATEGIES);

describeRequestSchema(
  "CreatePoolRequest",
  CreatePoolRequest,
  fc.record(
    { name: poolName, organizationId: uuid, allowConcurrentUse: fc.boolean(), selectionStrategy: strategy },
    { requiredKeys: ["name", "organizationId"] },
  ),
  {
    name: badPoolName,
    organizationId: notUuid,
    allowConcurrentUse: notBoolean,
    selectionStrategy: otherThan(SELECTION_STRATEGIES),
  },
);

describeRequestSchema(
  "UpdatePoolRequest",
  UpdatePoolRequest,
  fc.record(
    { name: poolName, allowConcurrentUse: fc.boolean(), selectionStrategy: strategy },
    { requiredKeys: [] },
  ),
  { name: badPoolName, allowConcurrentUse: notBoolean, selectionStrategy: otherThan(SELECTION_STRATEGIES) },
);

// ── list params ──────────────────────────────────────────────────────────────

/** Valid and invalid values of the `{organizationId, page, pageSize, searchName, sort…}` lists share. */
function searchableList(sortFields: readonly [string, ...string[]]) {
  const valid = fc.record(
    {
      organizationId: uuid,
      page,
      pageSize,
      searchName,
      sortField: fc.constantFrom(...sortFields),
      sortDirection,
    },
    { requiredKeys: [] },
  );
  const invalid = {
    organizationId: notUuid,
    page: notPage,
    pageSize: notPageSize,
    searchName: fc.oneof(tooLongSearch, notString),
    sortField: otherThan(sortFields),
    sortDirection: otherThan(["asc", "desc"]),
  };
  return [valid, invalid] as const;
}

describeRequestSchema("PoolListParams", PoolListParams, ...searchableList(POOL_SORT_FIELDS));
describeRequestSchema("AgentListParams", AgentListParams, ...searchableList(AGENT_SORT_FIELDS));

describeRequestSchema(
  "ExecutionListParams",
  ExecutionListParams,
  fc.record(
    {
      organizationId: uuid,
      page,
      pageSize,
      executionId: fc.string(),
      agentId: uuid,
      status: fc.array(fc.constantFrom(...EXECUTION_STATUSES), { maxLength: 4 }),
      agentVersion: positiveInt,
      createdAfter: isoDateTime,
      createdBefore: isoDateTime,
      outcomeLabel: fc.string(),
      metadataKey: fc.string(),
      metadataValue: fc.string(),
      sortField: fc.constantFrom("created_at", "status"),
      sortDirection,
    },
    { requiredKeys: [] },
  ),
  {
    organizationId: notUuid,
    page: notPage,
    pageSize: notPageSize,
    executionId: notString,
    agentId: notUuid,
    status: fc.oneof(
      fc.tuple(fc.string().filter((s) => !(EXECUTION_STATUSES as readonly string[]).includes(s))),
      fc.constantFrom(...EXECUTION_STATUSES),
    ),
    agentVersion: notPositiveInt,
    createdAfter: fc.oneof(fc.constant("yesterday"), fc.constant("2025-13-01T00:00:00Z"), fc.integer()),
    createdBefore: fc.oneof(fc.constant("2025-01-01"), fc.constant("")),
    outcomeLabel: notString,
    metadataKey: notString,
    metadataValue: notString,
    sortField: otherThan(["created_at", "status"]),
    sortDirection: otherThan(["asc", "desc"]),
  },
);

describeRequestSchema(
  "ActivityListParams",
  ActivityListParams,
  fc.record({ order: sortDirection, limit: fc.integer({ min: 1, max: 1_000_000 }) }, { requiredKeys: [] }),
  {
    order: otherThan(["asc", "desc"]),
    limit: fc.oneof(fc.integer({ max: 0 }), fc.constant(3.5), fc.string()),
  },
);

describeRequestSchema(
  "RegistryListParams",
  RegistryListParams,
  fc.record(
    {
      offset: fc.integer({ min: 0, max: 1_000_000 }),
      pageSize: registryPageSize,
      sorting: fc.constantFrom(...REGISTRY_SORTINGS),
      riskProfileId: registryId,
      teamId: registryId,
      ownerPersonId: registryId,
    },
    { requiredKeys: [] },
  ),
  {
    offset: fc.oneof(fc.integer({ max: -1 }), fc.constant(0.5), fc.string()),
    pageSize: notRegistryPageSize,
    sorting: fc.oneof(otherThan(REGISTRY_SORTINGS as unknown as [string, ...string[]]), notString),
    riskProfileId: notRegistryId,
    teamId: notRegistryId,
    ownerPersonId: notRegistryId,
  },
);

// ── execute ──────────────────────────────────────────────────────────────────

const profileChoice = fc.oneof(fc.record({ agentProfileId: uuid }), fc.record({ agentProfilePoolId: uuid }));
const executeRest = fc.record(
  {
    inputs: fc.dictionary(key, json, { maxKeys: 4 }),
    dynamicData: fc.dictionary(key, json, { maxKeys: 4 }),
    metadata: fc.dictionary(key, fc.string(), { maxKeys: 4 }),
    executionOptions: fc.record(
      { sharedStorageKey: fc.string({ minLength: 1 }), softTimeoutMins: positiveInt },
      { requiredKeys: [] },
    ),
    tempFiles: fc.array(fc.record({ id: uuid, name: fc.string({ minLength: 1 }) }), { maxLength: 3 }),
    version: positiveInt,
  },
  { requiredKeys: [] },
);
const validExecute = fc.tuple(profileChoice, executeRest).map(([choice, rest]) => ({ ...choice, ...rest }));
const notObject = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
);

describeRequestSchema(
  "ExecuteRequest",
  ExecuteRequest,
  validExecute as fc.Arbitrary<Record<string, unknown>>,
  {
    inputs: notObject,
    dynamicData: notObject,
    metadata: fc.oneof(
      notObject,
      fc.dictionary(key, fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)), { minKeys: 1, maxKeys: 3 }),
    ),
    executionOptions: fc.oneof(
      fc.record({ softTimeoutMins: notPositiveInt }),
      fc.record({ sharedStorageKey: fc.oneof(fc.constant(""), fc.integer()) }),
      notObject,
    ),
    tempFiles: fc.oneof(
      fc.tuple(fc.record({ id: notUuid, name: fc.string({ minLength: 1 }) })),
      fc.tuple(fc.record({ id: uuid, name: fc.constant("") })),
      fc.string(),
    ),
    version: notPositiveInt,
  },
);

describe("ExecuteRequest: at most one of agentProfileId and agentProfilePoolId", () => {
  it("accepts neither: the agent then runs with its default profile", () => {
    fc.assert(
      fc.property(executeRest, (input) => {
        expect(ExecuteRequest.parse(input)).toEqual(input);
      }),
    );
  });

  it("rejects both, with a message naming both fields", () => {
    const both = fc
      .tuple(uuid, uuid, executeRest)
      .map(([a, b, rest]) => ({ ...rest, agentProfileId: a, agentProfilePoolId: b }));
    fc.assert(
      fc.property(both, (input) => {
        const error = rejection(ExecuteRequest, input);
        expect(error.message).toContain("agentProfileId");
        expect(error.message).toContain("agentProfilePoolId");
      }),
    );
  });

  it("rejects an agentProfileId or agentProfilePoolId that is not a UUID, naming it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("agentProfileId", "agentProfilePoolId"),
        fc.string().filter((s) => !Uuid.safeParse(s).success),
        (field, value) => {
          const error = rejection(ExecuteRequest, { [field]: value });
          expect(error.issues.map((i) => i.path)).toContain(field);
        },
      ),
    );
  });
});

// ── registry ─────────────────────────────────────────────────────────────────

const registryName = fc.string({ minLength: 1, maxLength: 255 }).filter((s) => s.trim() === s && s !== "");

describeRequestSchema(
  "CreateRegistryAgentRequest",
  CreateRegistryAgentRequest,
  fc.record(
    {
      name: registryName,
      description: fc.option(fc.string({ maxLength: 2000 }), { nil: null }),
      external_identifier: fc.option(fc.string({ minLength: 1, maxLength: 255 }), { nil: null }),
      id: registryId,
      owner_person_id: fc.option(registryId, { nil: null }),
      risk_profile_id: fc.option(registryId, { nil: null }),
      team_id: fc.option(registryId, { nil: null }),
    },
    { requiredKeys: ["name"] },
  ),
  {
    name: fc.oneof(
      fc.constant(""),
      fc.stringMatching(/^\s{1,5}$/),
      fc.string({ minLength: 256, maxLength: 300 }).filter((s) => s.trim().length > 255),
      notString,
    ),
    description: fc.oneof(fc.string({ minLength: 2001, maxLength: 2100 }), fc.integer(), fc.boolean()),
    external_identifier: fc.oneof(
      fc.constant(""),
      fc.string({ minLength: 256, maxLength: 300 }),
      fc.integer(),
    ),
    id: notRegistryId,
    owner_person_id: notRegistryId,
    risk_profile_id: notRegistryId,
    team_id: notRegistryId,
  },
);

describeRequestSchema(
  "UpdateRegistryAgentRequest",
  UpdateRegistryAgentRequest,
  fc.record(
    {
      name: registryName,
      description: fc.option(fc.string({ maxLength: 2000 }), { nil: null }),
      owner_person_id: fc.option(registryId, { nil: null }),
      risk_profile_id: fc.option(registryId, { nil: null }),
      team_id: fc.option(registryId, { nil: null }),
    },
    { requiredKeys: [] },
  ),
  {
    name: fc.oneof(fc.constant(""), fc.stringMatching(/^\s{1,5}$/), notString),
    owner_person_id: notRegistryId,
    risk_profile_id: notRegistryId,
    team_id: notRegistryId,
    // A field the valid inputs never hold: any value is refused, naming it.
    ...{ external_identifier: fc.string() },
  },
);

// ── steering an execution ────────────────────────────────────────────────────

describeRequestSchema(
  "StatusUpdateRequest",
  StatusUpdateRequest,
  fc.record({ status: fc.constantFrom(...SETTABLE_STATUSES) }),
  { status: otherThan(SETTABLE_STATUSES) },
);

describeRequestSchema(
  "UserMessageRequest",
  UserMessageRequest,
  fc.record({ message: fc.string({ minLength: 1, maxLength: 10_000 }) }),
  { message: fc.oneof(fc.constant(""), fc.string({ minLength: 10_001, maxLength: 10_050 }), notString) },
);
