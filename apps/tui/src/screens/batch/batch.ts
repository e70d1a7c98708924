import type { RowState } from "@agentdeck/batch";
import type { ExecutionResult } from "@agentdeck/core";
import type { Theme } from "../../common/theme.ts";
import { statusFilterBindings } from "../../list/statusFilter.ts";
import { MONITOR_VIEW, monitorOf } from "../executions/monitorView.tsx";
import type { Resource } from "../resource.ts";
import { type BatchRow, journalPages, OPEN } from "./journalPages.ts";

/**
 * A row's states, in the order they go (`ROW_STATES` of @agentdeck/batch, which a test holds this
 * to): written here so the tab does not load the batch code before it is opened.
 */
export const ROW_STATES = [
  "pending",
  "submitting",
  "submitted",
  "finished",
  "failed",
] as const satisfies readonly RowState[];

function resultOf(row: BatchRow): ExecutionResult | undefined {
  const result = row.result as Partial<ExecutionResult> | undefined;
  return result !== null && typeof result === "object" ? (result as ExecutionResult) : undefined;
}

/** What became of the row: its execution's final status and outcome, why it failed, or where it is. */
export function rowOutcome(row: BatchRow): string {
  switch (row.state) {
    case "finished": {
      const outcome = resultOf(row)?.outcome;
      return `${row.status ?? "finished"}${outcome ? `: ${outcome}` : ""}`;
    }
    case "failed":
      return row.error ? `${row.error.status ?? row.error.name}: ${row.error.message}` : "failed";
    case "submitting":
      return "being sent (resume finds out whether it started)";
    case "submitted":
      return "running";
    default:
      return "";
  }
}

function stateColour(row: BatchRow, theme: Theme): string | undefined {
  if (row.state === "failed" || (row.state === "finished" && row.status !== "completed")) return theme.error;
  if (row.state === "finished") return theme.success;
  return row.state === "pending" ? theme.muted : theme.info;
}

/**
 * The Batch tab: the rows of a batch's journal (read-only), with the count in each state, read
 * again every second while it is on screen; Enter on a row that has an execution opens its monitor.
 */
export const BATCH: Resource<BatchRow> = {
  title: "Batch",
  noun: "row",
  api: undefined,
  columns: [
    { title: "Line", width: 6, align: "right", cell: (r) => String(r.line ?? r.seq), optional: true },
    { title: "Key", width: 22, cell: (r) => r.key },
    { title: "State", width: 10, cell: (r) => r.state, colour: stateColour },
    { title: "Execution", width: 9, cell: (r) => r.executionId?.slice(0, 8) ?? "" },
    { title: "Status / result", cell: rowOutcome },
  ],
  sortFields: ["row"],
  searchBy: "key",
  source: (session) => journalPages(session.cwd, session.journal),
  refreshMs: 1000,
  needsOrganization: false,
  itemTitle: (row) => row.key,
  details: (row) => {
    const result = resultOf(row);
    return [
      ["key", row.key],
      ["line", String(row.line ?? "")],
      ["state", row.state],
      ["execution", row.executionId],
      ["status", row.status],
      ["outcome", result?.outcome],
      ["reasoning", result?.reasoning, 2],
      ["result", result?.result === undefined ? undefined : JSON.stringify(result.result), 2],
      ["error", row.error?.message, 2],
      ["attempts", String(row.attempts)],
      ["inputs", JSON.stringify(row.inputs), 2],
    ];
  },
  open: {
    description: "open the monitor of the row's execution",
    hint: "monitor",
    disabledReason: (c) => {
      if (c.item === undefined) return "there is no row selected";
      return c.item.executionId === undefined
        ? `row ${c.item.key} has no execution (it is ${c.item.state})`
        : undefined;
    },
    handler: (c) => {
      if (c.item?.executionId) c.stack.push(MONITOR_VIEW, monitorOf(c.item.executionId));
    },
  },
  actions: [],
  listActions: statusFilterBindings("state", ROW_STATES, {
    value: OPEN,
    description: "only the rows not finished",
  }),
  headerExtra: (state) => `state ${state.query.status ?? "all"} (f F a)`,
  banner: (state) => state.note ?? "reading the journal…",
  empty: (state) => (state.query.status ? `no ${state.query.status} rows` : "the journal has no rows"),
};
