import { ExecuteRequest } from "@agentdeck/core";
import { type FieldSpec, issuesByField } from "./formState.ts";

/** The fields of the form that starts an execution. */
export const RUN_FIELDS: readonly FieldSpec[] = [
  { name: "agent", label: "Agent", kind: "pick", hint: "type to filter · ↑↓ choose" },
  { name: "pool", label: "Pool", kind: "pick", hint: "type to filter · ↑↓ choose · Backspace clears" },
  { name: "profile", label: "Profile id", kind: "text", placeholder: "or a profile id instead of a pool" },
  { name: "inputs", label: "Inputs", kind: "rows", placeholder: "key=value per line, or a JSON object" },
  { name: "metadata", label: "Metadata", kind: "rows", placeholder: "key=value per line" },
  { name: "softTimeoutMins", label: "Soft timeout", kind: "text", placeholder: "minutes (optional)" },
  {
    name: "sharedStorageKey",
    label: "Storage key",
    kind: "text",
    placeholder: "shared storage key (optional)",
  },
  { name: "version", label: "Version", kind: "text", placeholder: "agent version (optional; latest)" },
];

/** Rows of `key=value`, or (where `json` is allowed) one JSON object: the object, or what is wrong. */
export function parseRows(
  text: string,
  options: { json: boolean },
): { value: Record<string, unknown> | undefined; error?: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: undefined };
  if (options.json && /^[[{]/.test(trimmed)) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
        return { value: parsed as Record<string, unknown> };
      }
    } catch (error) {
      return { value: undefined, error: `not valid JSON: ${(error as Error).message}` };
    }
    return { value: undefined, error: "must be a JSON object" };
  }
  const value: Record<string, string> = {};
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const at = line.indexOf("=");
    const key = at === -1 ? "" : line.slice(0, at).trim();
    if (key === "") return { value: undefined, error: `line ${index + 1}: write key=value` };
    if (key in value) return { value: undefined, error: `line ${index + 1}: "${key}" is given twice` };
    value[key] = line.slice(at + 1).trim();
  }
  return { value };
}

function numberOrText(text: string | undefined): number | undefined {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? undefined : Number(trimmed);
}

/** The run form's field of a path in a validation error, from core's schema or from the server. */
export function runFieldOf(path: string): string {
  if (path === "agentProfilePoolId") return "pool";
  if (path === "agentProfileId") return "profile";
  if (path === "agentId") return "agent";
  return path.replace(/^executionOptions\./, "").replace(/^(inputs|metadata)\..*$/, "$1");
}

/**
 * Checks the run form against `ExecuteRequest`: the agent and the body to send, or messages by
 * field. Exactly one of pool and profile must be given.
 */
export function validateRun(values: Readonly<Record<string, string>>) {
  const inputs = parseRows(values.inputs ?? "", { json: true });
  const metadata = parseRows(values.metadata ?? "", { json: false });
  const softTimeoutMins = numberOrText(values.softTimeoutMins);
  const sharedStorageKey = values.sharedStorageKey?.trim() || undefined;
  const pool = values.pool || undefined;
  const profile = values.profile?.trim() || undefined;
  const candidate = {
    agentProfilePoolId: pool,
    agentProfileId: profile,
    inputs: inputs.value,
    metadata: metadata.value,
    executionOptions:
      softTimeoutMins === undefined && sharedStorageKey === undefined
        ? undefined
        : { softTimeoutMins, sharedStorageKey },
    version: numberOrText(values.version),
  };
  const result = ExecuteRequest.safeParse(JSON.parse(JSON.stringify(candidate)) as unknown);
  const errors = issuesByField(result, runFieldOf);
  if (pool === undefined && profile === undefined) errors.pool = "choose a pool, or give a profile id below";
  if (pool !== undefined && profile !== undefined) {
    errors.pool = "choose a pool or a profile, not both";
    errors.profile = "choose a pool or a profile, not both";
  }
  if (inputs.error) errors.inputs = inputs.error;
  if (metadata.error) errors.metadata = metadata.error;
  const agentId = values.agent || undefined;
  if (agentId === undefined) errors.agent = "choose the agent to run";
  const valid = Object.keys(errors).length === 0 && result.success;
  return { agentId, body: valid ? result.data : undefined, errors };
}
