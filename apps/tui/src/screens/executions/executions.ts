import { EXECUTION_SORT_FIELDS, EXECUTION_STATUSES, type Execution, formatDuration } from "@agentdeck/core";
import { formatTime } from "../../common/format.ts";
import { statusFilterBindings, stepFilter } from "../../list/statusFilter.ts";
import { statusColumn } from "../../list/Table.tsx";
import { ACTIVE, executionPages } from "../pageSources.ts";
import { needsItem, type Resource } from "../resource.ts";
import { MONITOR_VIEW, monitorOf } from "./monitorView.tsx";

function took(execution: Execution): string {
  if (!execution.terminalAt) return "";
  return formatDuration(Date.parse(execution.terminalAt) - Date.parse(execution.createdAt));
}

/** The status filter `by` steps from `current`: all, then each status in turn, and round again. */
export function nextStatusFilter(current: string | undefined, by = 1): string | undefined {
  return stepFilter(EXECUTION_STATUSES, current, by);
}

/** The Executions tab: newest first, filtered by status (`f`/`F`, `a` for the unfinished) or id (`/`); Enter opens the monitor. */
export const EXECUTIONS: Resource<Execution> = {
  title: "Executions",
  noun: "execution",
  api: "v2",
  columns: [
    { title: "Id", width: 8, cell: (e) => e.id.slice(0, 8) },
    { title: "Agent", cell: (e) => e.agentName },
    statusColumn(21, (e) => e.status),
    {
      title: "Created",
      width: 16,
      cell: (e) => formatTime(e.createdAt),
      sortField: "created_at",
      optional: true,
    },
    { title: "Took", width: 8, cell: took, align: "right", optional: true },
  ],
  sortFields: EXECUTION_SORT_FIELDS,
  sortDirection: "desc",
  // The API searches executions by (part of) their id, not by the agent's name.
  searchBy: "id",
  source: (session) => executionPages(session.client, session.organizationId),
  needsOrganization: true,
  itemTitle: (e) => `${e.agentName} · ${e.status}`,
  details: (e) => [
    ["id", e.id],
    ["agent", e.agentName],
    ["status", e.status],
    ["created", formatTime(e.createdAt)],
    ["ended", formatTime(e.terminalAt)],
    ["took", took(e)],
    ["profile", e.agentProfileName ?? e.agentProfileId],
    ["outcome", e.executionResult?.outcome],
  ],
  open: {
    description: "open the execution monitor",
    hint: "monitor",
    disabledReason: needsItem,
    handler: (c) => {
      if (c.item) c.stack.push(MONITOR_VIEW, monitorOf(c.item.id));
    },
  },
  actions: [],
  listActions: statusFilterBindings("status", EXECUTION_STATUSES, {
    value: ACTIVE,
    description: "only the unfinished executions",
  }),
  headerExtra: (state) => `status ${state.query.status ?? "all"} (f F a)`,
  empty: (state) =>
    state.query.status
      ? `no ${state.query.status} executions`
      : "no executions yet: run an agent from Agents or Pools",
};
