import { CreateRegistryAgentRequest } from "@agentdeck/core";
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
