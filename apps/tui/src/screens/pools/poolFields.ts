import {
  type AgentProfilePool,
  CreatePoolRequest,
  SELECTION_STRATEGIES,
  UpdatePoolRequest,
} from "@agentdeck/core";
import { type FieldSpec, issuesByField } from "../../form/formState.ts";

/** The fields of the pool form, for both creating and editing. */
export const POOL_FIELDS: readonly FieldSpec[] = [
  { name: "name", label: "Name", kind: "text", placeholder: "1 to 255 characters" },
  {
    name: "selectionStrategy",
    label: "Strategy",
    kind: "choice",
    options: SELECTION_STRATEGIES,
    hint: "which free profile an execution gets",
  },
  {
    name: "allowConcurrentUse",
    label: "Concurrent use",
    kind: "choice",
    options: ["no", "yes"],
    hint: "may one profile serve several executions at once",
  },
];

/** The form's values for a new pool, or for editing `pool`. */
export function poolValues(pool?: AgentProfilePool): Record<string, string> {
  return {
    name: pool?.name ?? "",
    selectionStrategy: pool?.selectionStrategy ?? "least_recently_used",
    allowConcurrentUse: pool?.allowConcurrentUse ? "yes" : "no",
  };
}

/** Checks the form against `CreatePoolRequest`: the body to send, or messages by field. */
export function validateCreatePool(
  values: Readonly<Record<string, string>>,
  organizationId: string | undefined,
) {
  const result = CreatePoolRequest.safeParse({
    name: values.name,
    organizationId,
    selectionStrategy: values.selectionStrategy,
    allowConcurrentUse: values.allowConcurrentUse === "yes",
  });
  const errors = issuesByField(result, (path) => (path === "organizationId" ? "" : path));
  const blank = blankName(values.name);
  if (blank !== undefined) errors.name ??= blank;
  if (organizationId === undefined) {
    errors[""] =
      "The organization is not known yet: set ASTEROID_ORGANIZATION_ID, or wait for the connection.";
  }
  return { body: result.success && errors.name === undefined ? result.data : undefined, errors };
}

/** Checks the form against `UpdatePoolRequest`; the body holds only the fields that changed. */
export function validateUpdatePool(values: Readonly<Record<string, string>>, pool: AgentProfilePool) {
  const patch: Record<string, unknown> = {};
  if (values.name !== pool.name) patch.name = values.name;
  if (values.selectionStrategy !== pool.selectionStrategy) patch.selectionStrategy = values.selectionStrategy;
  const concurrent = values.allowConcurrentUse === "yes";
  if (concurrent !== pool.allowConcurrentUse) patch.allowConcurrentUse = concurrent;
  const result = UpdatePoolRequest.safeParse(patch);
  const errors = issuesByField(result);
  const blank = blankName(values.name);
  if (blank !== undefined) errors.name ??= blank;
  return { body: result.success && errors.name === undefined ? result.data : undefined, errors };
}

/** A name of spaces only is no name: refused here, as an empty one is by the schema. */
export function blankName(name: string | undefined): string | undefined {
  return name !== undefined && name !== "" && name.trim() === "" ? "must not be only spaces" : undefined;
}
