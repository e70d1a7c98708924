export { findJournal } from "./journal/find-journal.ts";
export {
  type BatchInfo,
  BatchSettings,
  Journal,
  JournalBusyError,
  JournalError,
  type JournalRow,
  MAX_ROW_BYTES,
  type RowFailure,
} from "./journal/journal.ts";
export { ROW_STATES, type RowState, type StateCounts } from "./journal/row-state.ts";
export {
  ColumnMapping,
  INPUT_TYPES,
  InputColumn,
  type InputType,
  MappingError,
  parseInputSpec,
  parseMetadataSpec,
} from "./rows/mapping.ts";
export { formatOf, ROW_FORMATS, type RowFormat, type RowSource, readRows } from "./rows/read-rows.ts";
export { RowInput } from "./rows/row-input.ts";
export { describeIssue, type RowIssue, RowsError } from "./rows/row-issues.ts";
export { rowKeyOf } from "./rows/row-key.ts";
export { BATCH_METADATA_KEY, ROW_METADATA_KEY } from "./run/batch-metadata.ts";
export type { BatchHooks, BatchOutcome, BatchStop } from "./run/drive.ts";
export type { BatchProgress } from "./run/progress.ts";
export {
  type CancelBatchOptions,
  cancelBatch,
  DEFAULT_SETTINGS,
  type ResumeBatchOptions,
  type RunBatchOptions,
  resumeBatch,
  runBatch,
} from "./run/run-batch.ts";
