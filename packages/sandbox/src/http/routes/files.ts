import { Uuid } from "@agentdeck/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { fileRouteError } from "../../sandbox-error.ts";
import type { FilePart } from "../../store/file-table.ts";
import type { SandboxStore } from "../../store/store.ts";

/** The documented answers of the file routes: fixed sentences, in text/plain. */
export const FILES_UPLOADED = "Files uploaded.";
const INVALID_UPLOAD = "Invalid file upload request.";

type WithExecutionId = FastifyRequest<{ Params: { executionId: string } }>;

/** The `files` parts of a multipart body, read whole; anything else is the documented 400. */
async function partsOf(body: unknown): Promise<FilePart[]> {
  if (!(body instanceof FormData)) throw fileRouteError(400, INVALID_UPLOAD);
  const files = body.getAll("files").filter((part): part is File => typeof part !== "string");
  if (files.length === 0) throw fileRouteError(400, INVALID_UPLOAD);
  return Promise.all(
    files.map(async (file) => ({
      name: file.name || "file",
      mimeType: file.type || "application/octet-stream",
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}

function idOf(value: string, error: () => Error): string {
  const result = Uuid.safeParse(value);
  if (!result.success) throw error();
  return result.data.toLowerCase();
}

/** v2 files: stage before a run, list and add an execution's context files. Errors are text, as documented. */
export function fileRoutes(app: FastifyInstance, store: SandboxStore): void {
  app.post(
    "/temp-files/:organizationId",
    async (request: FastifyRequest<{ Params: { organizationId: string } }>) => {
      const organizationId = idOf(request.params.organizationId, () => fileRouteError(400, INVALID_UPLOAD));
      if (!store.hasOrganization(organizationId)) {
        throw fileRouteError(403, "User is not a member of the organization.");
      }
      return { tempFiles: store.files.stage(organizationId, await partsOf(request.body)) };
    },
  );

  app.get("/executions/:executionId/context-files", async (request: WithExecutionId) => {
    const notFound = () => fileRouteError(404, "Execution files not found.");
    const execution = store.executions.get(idOf(request.params.executionId, notFound));
    if (execution === undefined) throw notFound();
    return store.files.ofExecution(execution.id);
  });

  app.post("/executions/:executionId/context-files", async (request: WithExecutionId, reply) => {
    const notFound = () => fileRouteError(404, "Execution not found.");
    const execution = store.executions.get(idOf(request.params.executionId, notFound));
    if (execution === undefined) throw notFound();
    const parts = await partsOf(request.body);
    store.addExecutionFiles(execution.id, parts);
    reply.code(200).type("text/plain; charset=utf-8");
    return FILES_UPLOADED;
  });
}
