import type { z } from "zod";
import { badRequest, SandboxError } from "../sandbox-error.ts";
import type { Api } from "./api.ts";

/**
 * Request validation with core's zod models, so the sandbox and the client agree on every limit and
 * message. Fields a model does not know are ignored, as the OpenAPI documents leave request objects
 * open. v2 answers 400 `{code, message}`; the registry answers 422 `validation_errors` with the
 * messages per field path (`details.name`), the Phoenix convention its OpenAPI document adopts.
 */
export const REGISTRY_VALIDATION_STATUS = 422;

export function parseBody<S extends z.ZodType>(schema: S, body: unknown, api: Api): z.output<S> {
  if (body === null || typeof body !== "object" || Array.isArray(body) || body instanceof FormData) {
    throw badRequest("the request body must be a JSON object");
  }
  return check(schema, body, api);
}

/**
 * Query parameters through a `z.object` model: numbers, booleans and repeated keys are coerced from the
 * query string first, and keys the model does not name are ignored, as the real services ignore them.
 * `names` maps a model field to the wire name it travels under (`pageSize` → `pagination[page_size]`);
 * problems are reported under the wire name.
 */
export function parseQuery<S extends z.ZodObject>(
  schema: S,
  query: unknown,
  api: Api,
  names: Record<string, string> = {},
): z.output<S> {
  const raw = (query ?? {}) as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const wire = names[key] ?? key;
    if (!Object.hasOwn(raw, wire)) continue;
    const value = raw[wire];
    const kind = baseKind(field as z.ZodType);
    if (kind === "array") picked[key] = Array.isArray(value) ? value : [value];
    else if (kind === "number" && typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) {
      picked[key] = Number(value);
    } else if (kind === "boolean" && (value === "true" || value === "false")) {
      picked[key] = value === "true";
    } else picked[key] = value;
  }
  return check(schema, picked, api, names);
}

/** A path parameter such as `poolId`: a malformed one cannot name anything, so it is a 400 (`bad_request`). */
export function parseParam<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badRequest(`${name} ${result.error.issues[0]?.message ?? "is not valid"}`);
}

function check<S extends z.ZodType>(
  schema: S,
  input: unknown,
  api: Api,
  names: Record<string, string> = {},
): z.output<S> {
  let result = schema.safeParse(input);
  const unknown = result.success ? [] : result.error.issues.filter((i) => i.code === "unrecognized_keys");
  if (unknown.length > 0) {
    for (const issue of unknown) dropKeys(input, issue.path, issue.keys);
    result = schema.safeParse(input);
  }
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const [head, ...rest] = issue.path;
    const path = typeof head === "string" && head in names ? [names[head] as string, ...rest] : issue.path;
    return { path: pathOf(path), message: issue.message };
  });
  if (api === "v2") {
    throw badRequest(problems.map((p) => (p.path === "" ? p.message : `${p.path}: ${p.message}`)).join("; "));
  }
  const errors: Record<string, string[]> = {};
  for (const { path, message } of problems) {
    const key = path || "body";
    errors[key] = [...(errors[key] ?? []), message];
  }
  const summary = Object.entries(errors)
    .map(([path, messages]) => `${path} ${messages.join(", ")}`)
    .join("; ");
  throw new SandboxError(REGISTRY_VALIDATION_STATUS, `the request has validation errors: ${summary}`, {
    errors,
  });
}

/** Removes fields a model does not know from the parsed body (which the sandbox owns), so they are ignored. */
function dropKeys(root: unknown, path: readonly PropertyKey[], keys: readonly string[]): void {
  let node = root as Record<PropertyKey, unknown> | undefined;
  for (const key of path) node = node?.[key] as Record<PropertyKey, unknown> | undefined;
  if (node === undefined || node === null || typeof node !== "object") return;
  for (const key of keys) delete node[key];
}

function pathOf(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

function baseKind(field: z.ZodType): string {
  let schema = field as unknown as { _zod: { def: { type: string; innerType?: unknown } } };
  while (["optional", "default", "nullable"].includes(schema._zod.def.type)) {
    schema = schema._zod.def.innerType as typeof schema;
  }
  return schema._zod.def.type;
}
