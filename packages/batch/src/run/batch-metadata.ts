/** Metadata key carrying the batch id on every execution the batch starts. */
export const BATCH_METADATA_KEY = "agentdeck_batch";
/** Metadata key carrying the row key: how a row whose execute went unanswered is found on the server. */
export const ROW_METADATA_KEY = "agentdeck_row";

/** The keys a row's own metadata may not use. */
export const RESERVED_METADATA_KEYS: readonly string[] = [BATCH_METADATA_KEY, ROW_METADATA_KEY];

/** The metadata an execution of this row carries: the row's own, then the batch's two keys. */
export function executionMetadata(
  batchId: string,
  rowKey: string,
  own: Record<string, string> | undefined,
): Record<string, string> {
  return { ...own, [BATCH_METADATA_KEY]: batchId, [ROW_METADATA_KEY]: rowKey };
}
