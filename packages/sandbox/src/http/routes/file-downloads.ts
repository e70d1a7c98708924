import type { FastifyInstance, FastifyRequest } from "fastify";
import { FILES_PATH } from "../../store/file-table.ts";
import type { SandboxStore } from "../../store/store.ts";

type Download = FastifyRequest<{
  Params: { fileId: string };
  Querystring: { expires?: unknown; signature?: unknown };
}>;

/**
 * `GET /sandbox-files/{fileId}?expires=…&signature=…`: the bytes behind a signed URL, as a storage bucket
 * serves them. No API key is needed or read; an expired or tampered URL is a 403.
 */
export function fileDownloadRoutes(app: FastifyInstance, store: SandboxStore): void {
  app.get(`${FILES_PATH}/:fileId`, async (request: Download, reply) => {
    const file = store.files.open(request.params.fileId, request.query.expires, request.query.signature);
    if (file === "expired" || file === "invalid") {
      reply.code(403).type("text/plain; charset=utf-8");
      return file === "expired" ? "This signed URL has expired." : "This signed URL is not valid.";
    }
    reply
      .code(200)
      .type(file.mimeType)
      .header("content-length", String(file.bytes.byteLength))
      .header("content-disposition", `attachment; filename="${encodeURIComponent(file.name)}"`);
    return Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  });
}
