import {
  AGENT_SORT_FIELDS,
  type AgentListItem,
  type AgentProfilePool,
  type ExecuteRequest,
  POOL_SORT_FIELDS,
} from "@agentdeck/core";
import { type FormSpec, type FormViewState, openForm } from "../../form/formView.tsx";
import { MONITOR_VIEW, monitorOf } from "../executions/monitorView.tsx";
import { agentPages, poolPages } from "../pageSources.ts";
import { RUN_FIELDS, runFieldOf, validateRun } from "./runFields.ts";

/** A named thing a run form starts with already chosen. */
export type Preset = { readonly id: string; readonly name: string };

const RUN: FormSpec<{ agentId: string; body: ExecuteRequest }, { executionId: string }> = {
  title: "Run an agent",
  fields: RUN_FIELDS,
  submitLabel: "runs it",
  doing: "start the execution",
  api: "v2",
  ifActed: "The run may have started anyway: look for it in Executions (3) before you run it again.",
  fieldOf: runFieldOf,
  validate: (values) => {
    const { agentId, body, errors } = validateRun(values);
    return { body: agentId === undefined || body === undefined ? undefined : { agentId, body }, errors };
  },
  send: ({ agentId, body }, session) => session.client.agents.execute(agentId, body),
  // The form becomes the monitor of the run it started; Esc there goes back to the list.
  done: (context, started) => {
    context.stack.replace(context.id, MONITOR_VIEW, monitorOf(started.executionId));
  },
  pickers: {
    agent: {
      source: (session) => agentPages(session.client, session.organizationId),
      sortFields: AGENT_SORT_FIELDS,
      label: (agent: AgentListItem) => agent.name,
    },
    pool: {
      source: (session) => poolPages(session.client, session.organizationId),
      sortFields: POOL_SORT_FIELDS,
      label: (pool: AgentProfilePool) =>
        `${pool.name}  (${pool.selectionStrategy}${pool.allowConcurrentUse ? ", concurrent" : ""})`,
    },
  },
};

/**
 * The form that runs an agent: the agent and a pool (each picked from a server list, either may
 * come preset) or a profile id, inputs, metadata and execution options. The focus starts on the
 * first thing not yet chosen.
 */
export function runForm(preset: { agent?: Preset; pool?: Preset }): FormViewState {
  return openForm(
    RUN,
    { agent: preset.agent?.id ?? "", pool: preset.pool?.id ?? "" },
    { agent: preset.agent?.name ?? "", pool: preset.pool?.name ?? "" },
    preset.agent ? 1 : 0,
  );
}
