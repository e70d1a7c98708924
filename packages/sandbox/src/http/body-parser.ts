import type { FastifyInstance } from "fastify";
import { badRequest } from "../sandbox-error.ts";

/** Deeper JSON than this is refused, so echoing a body back can never overflow the stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * Every request body is read as JSON, whatever its Content-Type says, as the real services decode it:
 * malformed JSON or an overly nested document is a 400, an empty body is no body.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, text, done) => {
    const source = String(text);
    if (source.trim() === "") {
      done(null, undefined);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      done(badRequest(`the request body is not valid JSON: ${(error as Error).message}`), undefined);
      return;
    }
    if (depthOf(value) > MAX_JSON_DEPTH) {
      done(badRequest(`the request body is nested more than ${MAX_JSON_DEPTH} levels deep`), undefined);
      return;
    }
    done(null, value);
  });
}

/** Nesting depth of a parsed JSON value, without recursion. */
function depthOf(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== "object") continue;
    if (depth > max) max = depth;
    if (max > MAX_JSON_DEPTH) return max;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return max;
}
