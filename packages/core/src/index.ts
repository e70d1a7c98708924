export type { CallOptions, RegistryCreateOptions, WaitForResultOptions } from "./call-options.ts";
export { type Client, createClient } from "./client.ts";
export { type ClientOptions, DEFAULT_BASE_URL, DEFAULT_REGISTRY_BASE_URL } from "./client-options.ts";
export { type ActivityDescription, describeActivity, formatDuration } from "./describe/describe.ts";
export type { DownloadedFile } from "./download.ts";
export {
  AbortError,
  AgentdeckError,
  ApiError,
  type ApiName,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  type Issue,
  NotFoundError,
  PaginationError,
  type PaginationProblem,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
  UnprocessableEntityError,
  UnreadableResponseError,
} from "./errors.ts";
export * from "./models/index.ts";
export { RegistryAgentPage } from "./resources/registry-agents.ts";
export { VERSION } from "./version.ts";
