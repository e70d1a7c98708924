import { ExecuteRequest } from "@agentdeck/core";
import { type FieldSpec, issuesByField } from "../../form/formState.ts";

/** The fields of the form that starts an execution. */
export const RUN_FIELDS: readonly FieldSpec[] = [
  {
    name: "agent",
    label: "Agent",
    kind: "pick",
    hint: "type to filter · ↑↓ mark · Enter picks · Delete clears",
  },
  {
    name: "pool",
    label: "Pool",
    kind: "pick",
    hint: "type to filter · ↑↓ mark · Enter picks · Delete clears",
  },
  { name: "profile", label: "Profile id", kind: "text", placeholder: "or a profile id instead of a pool" },
  {
    name: "inputs",
    label: "Inputs",
    kind: "rows",
    placeholder: "key=text or key:=JSON per line, or a JSON object",
    hint: 'key=text is text · key:=JSON is typed (n:=3, ok:=true, tags:=["a"]) · Enter starts a line',
  },
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

/**
 * Rows of `key=text` (the value is text) and, where `typed`, `key:=JSON` (the value is what the
 * JSON says: `n:=3`, `ok:=true`, as httpie reads them), or one JSON object: the object, or what
 * is wrong and on which line.
 */
export function parseRows(
  text: string,
  options: { typed: boolean },
): { value: Record<string, unknown> | undefined; error?: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: undefined };
  if (options.typed && /^[[{]/.test(trimmed)) {
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
  const value: Record<string, unknown> = {};
  for (const [index, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    const at = line.indexOf("=");
    const typed = options.typed && at > 0 && line[at - 1] === ":";
    const key = at === -1 ? "" : line.slice(0, typed ? at - 1 : at).trim();
    const where = `line ${index + 1}`;
    if (key === "")
      return { value: undefined, error: `${where}: write key=text${options.typed ? " or key:=JSON" : ""}` };
    if (key in value) return { value: undefined, error: `${where}: "${key}" is given twice` };
    const raw = line.slice(at + 1).trim();
    if (!typed) {
      value[key] = raw;
      continue;
    }
    try {
      value[key] = JSON.parse(raw);
    } catch {
      return {
        value: undefined,
        error: `${where}: after ${key}:= comes JSON (3, true, "text", [1]); write ${key}=${raw} for text`,
      };
    }
  }
  return { value };
}

/** The largest whole number the API's integer fields take (int32). */
const MAX_INT = 2_147_483_647;

/** A whole number written in digits (`1e2`, `1.5` and `0x10` are not), within the API's integers. */
export function wholeNumber(text: string | undefined, unit?: string): { value?: number; error?: string } {
  const trimmed = text?.trim() ?? "";
  if (trimmed === "") return {};
  const wrong = `must be a whole number${unit ? ` of ${unit}` : ""}, 1 or more (at most ${MAX_INT}), in digits`;
  if (!/^\d+$/.test(trimmed)) return { error: wrong };
  const value = Number(trimmed);
  return value >= 1 && value <= MAX_INT ? { value } : { error: wrong };
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
  const inputs = parseRows(values.inputs ?? "", { typed: true });
  const metadata = parseRows(values.metadata ?? "", { typed: false });
  const softTimeout = wholeNumber(values.softTimeoutMins, "minutes");
  const version = wholeNumber(values.version);
  const sharedStorageKey = values.sharedStorageKey?.trim() || undefined;
  const pool = values.pool || undefined;
  const profile = values.profile?.trim() || undefined;
  const candidate = {
    agentProfilePoolId: pool,
    agentProfileId: profile,
    inputs: inputs.value,
    metadata: metadata.value,
    executionOptions:
      softTimeout.value === undefined && sharedStorageKey === undefined
        ? undefined
        : { softTimeoutMins: softTimeout.value, sharedStorageKey },
    version: version.value,
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
  if (softTimeout.error) errors.softTimeoutMins = softTimeout.error;
  if (version.error) errors.version = version.error;
  const agentId = values.agent || undefined;
  if (agentId === undefined) errors.agent = "choose the agent to run";
  const valid = Object.keys(errors).length === 0 && result.success;
  return { agentId, body: valid ? result.data : undefined, errors };
}
