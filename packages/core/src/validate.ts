import type * as z from "zod";
import { type Issue, RequestValidationError } from "./errors.ts";

/** `tempFiles[0].id`: how a zod path reads in a message. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function join(parent: string, key: string): string {
  return parent === "" ? key : `${parent}.${key}`;
}

/** Zod's issues as `{path, message}` pairs; an unknown key becomes one issue on that key, naming the allowed ones. */
export function toIssues(error: z.ZodError, allowedKeys?: readonly string[]): Issue[] {
  return error.issues.flatMap((issue): Issue[] => {
    const path = formatPath(issue.path);
    if (issue.code === "unrecognized_keys") {
      const allowed = path === "" && allowedKeys ? `; allowed: ${allowedKeys.join(", ")}` : "";
      return issue.keys.map((key) => ({ path: join(path, key), message: `is not a known field${allowed}` }));
    }
    // Zod says the same thing for a missing field and a wrong one; a caller needs to know which.
    // (Only zod's `reportInput` puts the input on an issue; without it nothing can be said.)
    if (issue.code === "invalid_type" && "input" in issue && issue.input === undefined && path !== "") {
      return [{ path, message: `is required: ${issue.message}` }];
    }
    return [{ path, message: issue.message }];
  });
}

function shapeKeys(schema: z.ZodType): string[] | undefined {
  const shape = (schema as { shape?: unknown }).shape;
  return shape !== null && typeof shape === "object" ? Object.keys(shape) : undefined;
}

/**
 * Parses a caller's argument, or throws a `RequestValidationError` naming every bad field.
 * `what` completes "Invalid …" in the message, e.g. "pool" or "executionId".
 */
export function parseRequest<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new RequestValidationError(what, toIssues(result.error, shapeKeys(schema)));
}

/** Checks one path parameter (an id), reporting it under its own name. */
export function parseId<T extends z.ZodType>(schema: T, value: unknown, name: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new RequestValidationError(
    "id",
    result.error.issues.map((issue) => ({ path: name, message: issue.message })),
  );
}
