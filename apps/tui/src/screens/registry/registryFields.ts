import { CreateRegistryAgentRequest, type RegistryAgent, UpdateRegistryAgentRequest } from "@agentdeck/core";
import { type FieldSpec, issuesByField } from "../../form/formState.ts";

/** The fields of the form that registers an agent. */
export const REGISTRY_FIELDS: readonly FieldSpec[] = [
  { name: "name", label: "Name", kind: "text", placeholder: "1 to 255 characters" },
  { name: "description", label: "Description", kind: "text", placeholder: "optional, up to 2000 characters" },
];

/** Checks the form against `CreateRegistryAgentRequest`. */
export function validateRegistryAgent(values: Readonly<Record<string, string>>) {
  const result = CreateRegistryAgentRequest.safeParse({
    name: values.name ?? "",
    ...(values.description ? { description: values.description } : {}),
  });
  return { body: result.success ? result.data : undefined, errors: issuesByField(result) };
}

/** The form's values for editing `agent`. */
export function registryValues(agent: RegistryAgent): Record<string, string> {
  return { name: agent.name, description: agent.description ?? "" };
}

/**
 * Checks the edit form against `UpdateRegistryAgentRequest`; the body holds only the fields that
 * changed (a PUT changes only what it is given), and an emptied description clears it (`null`).
 */
export function validateRegistryUpdate(values: Readonly<Record<string, string>>, agent: RegistryAgent) {
  const details: Record<string, unknown> = {};
  const name = values.name ?? "";
  if (name !== agent.name) details.name = name;
  const description = values.description ?? "";
  if (description !== (agent.description ?? ""))
    details.description = description === "" ? null : description;
  const result = UpdateRegistryAgentRequest.safeParse(details);
  const errors = issuesByField(result);
  if (result.success && Object.keys(details).length === 0) errors[""] = "nothing changed: edit a field first";
  return { body: result.success && errors[""] === undefined ? result.data : undefined, errors };
}
