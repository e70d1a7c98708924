import {
  AGENT_ID,
  COMPLETED_EXECUTION_ID,
  EXECUTION_FILE_NAME,
  MISSING_AGENT_ID,
  MISSING_POOL_ID,
  MISSING_REGISTRY_AGENT_ID,
  MISSING_RISK_PROFILE_ID,
  ORGANIZATION_ID,
  PAUSED_EXECUTION_ID,
  POOL_ID,
  POOL_NAME,
  PROFILE_ID,
  REGISTRY_AGENT_ID,
  RETIRED_REGISTRY_AGENT_ID,
  RUNNING_EXECUTION_ID,
} from "./examples.ts";

/**
 * Provider states of the Asteroid Agents API pact, in plain words. The consumer tests name them in
 * `given(...)`; `agents-api-state-setups.ts` sets each one up in the sandbox.
 */
export const AgentsApiState = {
  organization: `the caller belongs to organization ${ORGANIZATION_ID}`,
  noPools: "no pools exist",
  pool: `a pool with id ${POOL_ID} named "${POOL_NAME}" exists in organization ${ORGANIZATION_ID}`,
  poolHasFreeProfile: `the pool with id ${POOL_ID} has a free agent profile`,
  noPool: `no pool with id ${MISSING_POOL_ID} exists`,
  agent: `an agent with id ${AGENT_ID} exists`,
  noAgent: `no agent with id ${MISSING_AGENT_ID} exists`,
  profile: `an agent profile with id ${PROFILE_ID} exists`,
  runningExecution: `a running execution with id ${RUNNING_EXECUTION_ID} exists`,
  runningExecutionWithFile: `the running execution with id ${RUNNING_EXECUTION_ID} holds a file named ${EXECUTION_FILE_NAME}`,
  pausedExecution: `a paused execution with id ${PAUSED_EXECUTION_ID} exists`,
  completedExecution: `a completed execution with id ${COMPLETED_EXECUTION_ID} exists`,
} as const;

/** Provider states of the agent registry pact; `registry-api-state-setups.ts` sets them up. */
export const RegistryApiState = {
  noAgents: "no registry agents exist",
  agent: `a registry agent with id ${REGISTRY_AGENT_ID} exists`,
  retiredAgent: `a retired registry agent with id ${RETIRED_REGISTRY_AGENT_ID} exists`,
  noAgent: `no registry agent with id ${MISSING_REGISTRY_AGENT_ID} exists`,
  noRiskProfile: `no risk profile with id ${MISSING_RISK_PROFILE_ID} exists`,
} as const;
