import type { Metadata } from "./models/common.ts";

/**
 * How to find out what an unsafe write did when its fate is unknown (its `mayHaveActed` is true).
 * Each resource method that may not be repeated names its own (see `ApiRequest.findOut`); the client
 * never finds out by sending it again.
 */
export type FindOut = (startedAt: number) => string;

// Server clocks drift: look a little before the call started.
const CLOCK_SLACK_MS = 60_000;

/** What is said of an unsafe write that names no way of its own. */
export const GENERAL_ADVICE =
  "It may have been carried out: check the current state before sending it again.";

/** An execute: look for the run by the first metadata entry it was started with, else by its start time. */
export function findExecution(agentId: string, metadata: Metadata | undefined): FindOut {
  return (startedAt) => {
    const [entry] = Object.entries(metadata ?? {});
    const filter = entry
      ? `metadataKey: ${JSON.stringify(entry[0])}, metadataValue: ${JSON.stringify(entry[1])}`
      : `createdAfter: "${new Date(startedAt - CLOCK_SLACK_MS).toISOString()}"`;
    const tip = entry ? "" : " Give each execute a metadata value of its own to find its run for sure.";
    return `It may have started an execution: look for it with client.executions.list({ agentId: "${agentId}", ${filter} }) before starting another.${tip}`;
  };
}

/** A pool create: list the organization's pools by the name it asked for. */
export function findCreatedPool(organizationId: string, name: string): FindOut {
  return () =>
    `It may have created the pool: look for it with client.pools.list({ organizationId: ${JSON.stringify(organizationId)}, searchName: ${JSON.stringify(name)} }) before creating it again.`;
}

/** A pool update: read the pool as it is now. */
export function findPoolChange(poolId: string): FindOut {
  return () =>
    `It may have changed the pool: read it with client.pools.get("${poolId}") before changing it again.`;
}

/** A user message: the agent's feed shows whether it arrived. */
export function findMessage(executionId: string): FindOut {
  return () =>
    `The agent may have received the message: check client.executions.activities("${executionId}") before sending it again.`;
}

/** An upload to an execution: its file list shows what arrived. */
export function findUploadedFiles(executionId: string): FindOut {
  return () =>
    `It may have uploaded the files: check client.executions.files("${executionId}") before uploading them again.`;
}

/** A staging upload: nothing lists staged files, and staging again is harmless but for the space. */
export const findStagedFiles: FindOut = () =>
  "It may have staged the files, which cannot be listed: stage them again and use the new ids; unused staged files are never attached to a run.";
