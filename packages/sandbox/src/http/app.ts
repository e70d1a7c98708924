import { setTimeout as sleep } from "node:timers/promises";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { notFound } from "../sandbox-error.ts";
import type { SandboxStore } from "../store/store.ts";
import { AGENTS_PREFIX, apiOf, REGISTRY_PREFIX } from "./api.ts";
import { apiKeyError, bearerTokenError, requireApiKey, requireBearerToken } from "./auth.ts";
import { registerJsonBodyParser } from "./body-parser.ts";
import { errorBody } from "./error-body.ts";
import { clientErrorHandler, createErrorHandler, createFrameworkErrorHandler } from "./error-handler.ts";
import { type FaultOptions, injectFaults } from "./faults.ts";
import { agentRoutes } from "./routes/agents.ts";
import { contextRoutes } from "./routes/context.ts";
import { executionRoutes } from "./routes/executions.ts";
import { fileDownloadRoutes } from "./routes/file-downloads.ts";
import { fileRoutes } from "./routes/files.ts";
import { poolRoutes } from "./routes/pools.ts";
import { registryRoutes } from "./routes/registry.ts";
import { type TransformResponse, transformResponses } from "./transform-response.ts";

export interface AppOptions {
  store: SandboxStore;
  apiKey: string;
  registryToken: string;
  bodyLimit: number;
  latencyMs: number;
  faults: FaultOptions | undefined;
  random: () => number;
  transformResponse: TransformResponse | undefined;
}

/** The fastify app serving both APIs on one port; request order: latency, faults, auth, route. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const errorHandler = createErrorHandler(options.bodyLimit);
  // Errors fastify raises before any hook still check the credentials first.
  const authError = (request: FastifyRequest) =>
    apiOf(request.url) === "registry"
      ? bearerTokenError(request, options.registryToken)
      : request.url.startsWith(AGENTS_PREFIX)
        ? apiKeyError(request, options.apiKey)
        : undefined;
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit,
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 500 },
    frameworkErrors: createFrameworkErrorHandler(options.bodyLimit, authError),
    clientErrorHandler,
  });
  registerJsonBodyParser(app);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split("?")[0];
    const error = notFound(
      `no route for ${request.method} ${path}; see the API reference for the routes this server has`,
    );
    return reply
      .code(404)
      .type("application/json; charset=utf-8")
      .send(errorBody(apiOf(request.url), error));
  });

  const { latencyMs, faults, transformResponse, store } = options;
  if (latencyMs > 0) app.addHook("onRequest", async () => sleep(latencyMs, undefined, { ref: false }));
  if (faults !== undefined) app.addHook("onRequest", injectFaults(faults, options.random));
  if (transformResponse !== undefined) app.addHook("onSend", transformResponses(transformResponse));

  await app.register(
    async (v2) => {
      v2.addHook("onRequest", requireApiKey(options.apiKey));
      contextRoutes(v2, store);
      poolRoutes(v2, store);
      agentRoutes(v2, store);
      executionRoutes(v2, store);
      fileRoutes(v2, store);
    },
    { prefix: AGENTS_PREFIX },
  );
  fileDownloadRoutes(app, store);
  await app.register(
    async (registry) => {
      registry.addHook("onRequest", requireBearerToken(options.registryToken));
      registryRoutes(registry, store);
    },
    { prefix: REGISTRY_PREFIX },
  );
  return app;
}
