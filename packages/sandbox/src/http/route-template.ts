import type { FastifyRequest } from "fastify";

/** The matched route in OpenAPI form (`/agents/v2/executions/{executionId}`), or undefined for an unknown route. */
export function routeTemplate(request: FastifyRequest): string | undefined {
  const url = request.routeOptions.url;
  return url === undefined ? undefined : url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}
