import type { Client, Execution } from "@agentdeck/core";
import type { BatchInfo } from "../journal/journal.ts";
import { BATCH_METADATA_KEY, ROW_METADATA_KEY } from "./batch-metadata.ts";

/**
 * The executions the server holds for one row of this batch, oldest first: listed by the row key in
 * their metadata (one filter is all the list takes), then kept when they carry this batch's id too.
 */
export async function findRowExecution(
  client: Client,
  batch: BatchInfo,
  rowKey: string,
): Promise<Execution[]> {
  const found: Execution[] = [];
  for await (const execution of client.executions.listAll({
    agentId: batch.agentId,
    metadataKey: ROW_METADATA_KEY,
    metadataValue: rowKey,
    sortField: "created_at",
    sortDirection: "asc",
    pageSize: 100,
  })) {
    if (execution.metadata?.[BATCH_METADATA_KEY] === batch.id) found.push(execution);
  }
  return found;
}
