import { fileURLToPath } from "node:url";
/*
 * The ids and names the consumer tests use and the provider states create, so both sides of every
 * interaction agree on them. v2 ids are uuids; registry ids are PFIDs.
 */

/** The organization the caller belongs to. */
export const ORGANIZATION_ID = "5f0c7a1e-2b3d-4c5e-8f9a-0b1c2d3e4f50";
export const ORGANIZATION_NAME = "Acme Logistics";

export const POOL_ID = "9b2e4c6a-1d3f-4a5b-8c7d-2e4f6a8b0c1d";
export const POOL_NAME = "Checkout bots";
export const MISSING_POOL_ID = "0d6f8a2c-4e1b-4c3d-9a5f-7b9d1e3f5a70";

export const AGENT_ID = "3a7c9e1b-5d2f-4b6a-8e0c-1f3b5d7a9c2e";
export const AGENT_NAME = "Invoice fetcher";
export const MISSING_AGENT_ID = "6e8a0c2e-7f4b-4d6a-b1c3-5e7f9a1b3c4d";

/** A profile in its own pool, for executions started with `agentProfileId`. */
export const PROFILE_ID = "c4e6a8b0-2d4f-4a6c-9e1b-3d5f7a9c1e3b";
export const PROFILE_POOL_ID = "e2a4c6e8-0b2d-4f6a-8c1e-5a7c9e1b3d5f";

/** The file a running execution holds in its context, and the one the consumer stages. */
export const EXECUTION_FILE_NAME = "report.csv";
export const STAGED_FILE_NAME = "brief.txt";
/** The staged file on disk (contracts/fixtures): the consumers upload it, and Pact's multipart body reads it too. */
export const STAGED_FILE_PATH = fileURLToPath(new URL(`../fixtures/${STAGED_FILE_NAME}`, import.meta.url));
/** The temp file id a stage answers with. */
export const STAGED_FILE_ID = "2c4e6a8c-0e2a-4c6e-8a0c-4e6a8c0e2a4c";
/** Fixed, so the pacts regenerate byte for byte (the client picks its own boundary; Pact matches any). */
export const MULTIPART_BOUNDARY = "agentdeck-pact-boundary";

export const RUNNING_EXECUTION_ID = "7d9f1b3d-5a7c-4e9a-8b2d-4f6a8c0e2a4c";
export const PAUSED_EXECUTION_ID = "8e0a2c4e-6b8d-4f0b-9c3e-5a7b9d1f3b5d";
export const COMPLETED_EXECUTION_ID = "1f3b5d7f-9c1e-4a3c-8d5f-7b9d1f3a5c7e";
/** The `agentdeck-run` metadata `agentdeck run` puts on every run, so a start whose answer was lost can be found. */
export const RUN_TAG = "4b6d8f0a-2c4e-4a6c-8e0a-2c4e6a8c0e2a";

export const REGISTRY_AGENT_ID = "01j9x4m2k8d7q3r5t6v8w0y2z4a6b8c0";
export const RETIRED_REGISTRY_AGENT_ID = "01j9x4m2k8d7q3r5t6v8w0y2z4a6b8c1";
export const MISSING_REGISTRY_AGENT_ID = "01j9x4m2k8d7q3r5t6v8w0y2z4a6b8c2";
export const MISSING_RISK_PROFILE_ID = "01j9x4m2k8d7q3r5t6v8w0y2z4a6b8c3";
/** A PFID in a partition no account of the sandbox has: the registry refuses it as a chosen id. */
export const FOREIGN_PARTITION_AGENT_ID = "01j9x4m2k8zzzzzzt6v8w0y2z4a6b8c4";
export const REGISTRY_AGENT_NAME = "Invoice triage";
export const REGISTRY_AGENT_EXTERNAL_ID = "crm-invoice-triage";
export const REGISTRY_AGENT_DESCRIPTION = "Sorts incoming invoices by supplier";

/** Every timestamp example: the shape both APIs send (ISO 8601, milliseconds, UTC). */
export const TIMESTAMP = "2025-01-15T09:30:00.000Z";
