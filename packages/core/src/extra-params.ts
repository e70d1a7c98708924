import { RequestValidationError } from "./errors.ts";

/** A query value `extraQuery` accepts. */
type QueryValue = string | number | boolean | (string | number | boolean)[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The JSON body with a call's `extraBody` merged into its top level (extra fields win), for a field
 * the API has and this client does not know yet. A request without a JSON object body refuses it.
 */
export function withExtraBody(
  method: string,
  body: unknown,
  extra: Record<string, unknown> | undefined,
): unknown {
  if (extra === undefined) return body;
  if (method === "GET" || !(body === undefined || isPlainObject(body))) {
    throw new RequestValidationError("options", [
      { path: "extraBody", message: `${method} here sends no JSON object body to add fields to` },
    ]);
  }
  return { ...body, ...extra };
}

/** The query with a call's `extraQuery` added: each name replaces a known one, a list repeats it. */
export function withExtraQuery(
  query: URLSearchParams | undefined,
  extra: Record<string, QueryValue> | undefined,
): URLSearchParams | undefined {
  if (extra === undefined) return query;
  const merged = new URLSearchParams(query);
  for (const [name, value] of Object.entries(extra)) {
    merged.delete(name);
    for (const item of Array.isArray(value) ? value : [value]) merged.append(name, String(item));
  }
  return merged;
}
