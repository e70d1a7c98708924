import type { FastifyInstance } from "fastify";
import type { SandboxStore } from "../../store/store.ts";

/** `GET /context`: the key's user and their organizations. */
export function contextRoutes(app: FastifyInstance, store: SandboxStore): void {
  app.get("/context", async () => store.context());
}
