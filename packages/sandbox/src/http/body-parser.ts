import type { FastifyInstance } from "fastify";
import { badRequest, fileRouteError } from "../sandbox-error.ts";

/** Largest multipart upload accepted; a bigger one is a 413. */
export const UPLOAD_LIMIT_BYTES = 16 * 1024 * 1024;

/** Deeper JSON than this is refused, so echoing a body back can never overflow the stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * Every request body is read as JSON, whatever its Content-Type says, as the real services decode it:
 * malformed JSON or an overly nested document is a 400, an empty body is no body. The one exception is
 * `multipart/form-data`, the file uploads, read as a FormData.
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
  // Uploads: parsed into a FormData by the platform's own multipart reader.
  app.addContentTypeParser(
    "multipart/form-data",
    { parseAs: "buffer", bodyLimit: UPLOAD_LIMIT_BYTES },
    async (request: { headers: Record<string, unknown> }, body: Buffer) => {
      try {
        return await new Response(new Uint8Array(body) as Uint8Array<ArrayBuffer>, {
          headers: { "content-type": String(request.headers["content-type"]) },
        }).formData();
      } catch {
        throw fileRouteError(400, "Invalid file upload request.");
      }
    },
  );
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
