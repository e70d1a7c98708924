export type { ExecutionInput } from "./executions/execution-table.ts";
export type { FaultOptions } from "./http/faults.ts";
export type { ResponseContext, TransformResponse } from "./http/transform-response.ts";
export {
  BODY_LIMIT_BYTES,
  DEFAULT_API_KEY,
  DEFAULT_POOL_COUNT,
  DEFAULT_REGISTRY_TOKEN,
  DEFAULT_STEP_MS,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from "./sandbox.ts";
export { SandboxError } from "./sandbox-error.ts";
export type { AgentInput } from "./store/agent-table.ts";
export type { AgentProfile, PoolInput } from "./store/pool-table.ts";
export type { RegistryAgentInput } from "./store/registry-table.ts";
export { SandboxStore } from "./store/store.ts";
