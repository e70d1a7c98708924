import {
  AGENT_SORT_FIELDS,
  type AgentListItem,
  type AgentProfilePool,
  POOL_SORT_FIELDS,
} from "@agentdeck/core";
import { useCallback, useMemo } from "react";
import { Form } from "./Form.tsx";
import { type FieldSpec, type FormState, visibleErrors } from "./formState.ts";
import { Picker } from "./Picker.tsx";
import { agentPages, poolPages } from "./pageSources.ts";
import { RUN_FIELDS, runFieldOf, validateRun } from "./runFields.ts";
import { useSession } from "./session.ts";
import { useForm } from "./useForm.ts";

/** A named thing a run form starts with already chosen. */
export type Preset = { readonly id: string; readonly name: string };

/**
 * The form that runs an agent: the agent and a pool (each picked from a server list, either may
 * come preset) or a profile id, inputs, metadata and execution options. `onStarted` gets the new
 * execution's id.
 */
export function RunForm(props: {
  readonly agent?: Preset;
  readonly pool?: Preset;
  readonly active: boolean;
  readonly onClose: () => void;
  readonly onStarted: (executionId: string) => void;
}) {
  const session = useSession();
  const form = useForm({
    fields: RUN_FIELDS,
    values: { agent: props.agent?.id ?? "", pool: props.pool?.id ?? "" },
    labels: { agent: props.agent?.name ?? "", pool: props.pool?.name ?? "" },
    focus: props.agent ? 1 : 0,
    source: "run:form",
    doing: "start the execution",
    fieldOf: runFieldOf,
  });
  const validation = validateRun(form.state.values);
  const { dispatch } = form;
  const { client, organizationId, failed } = session;
  const agents = useMemo(() => agentPages(client, organizationId), [client, organizationId]);
  const pools = useMemo(() => poolPages(client, organizationId), [client, organizationId]);
  const pickAgent = useCallback(
    (agent: AgentListItem | undefined) =>
      dispatch({ type: "set", name: "agent", value: agent?.id ?? "", label: agent?.name ?? "" }),
    [dispatch],
  );
  const pickPool = useCallback(
    (pool: AgentProfilePool | undefined) =>
      dispatch({ type: "set", name: "pool", value: pool?.id ?? "", label: pool?.name ?? "" }),
    [dispatch],
  );
  const pickFailed = useCallback(
    (error: unknown) => failed("run:picker", error, "list the choices"),
    [failed],
  );

  const renderPick = (field: FieldSpec, focused: boolean, hasKeys: () => boolean) =>
    field.name === "agent" ? (
      <Picker
        source={agents}
        sortFields={AGENT_SORT_FIELDS}
        label={(agent) => agent.name}
        focused={focused}
        hasKeys={hasKeys}
        onPick={pickAgent}
        onError={pickFailed}
      />
    ) : (
      <Picker
        source={pools}
        sortFields={POOL_SORT_FIELDS}
        label={(pool) =>
          `${pool.name}  (${pool.selectionStrategy}${pool.allowConcurrentUse ? ", concurrent" : ""})`
        }
        focused={focused}
        hasKeys={hasKeys}
        onPick={pickPool}
        onError={pickFailed}
      />
    );

  const onSubmit = (current: FormState) => {
    const { agentId, body } = validateRun(current.values);
    form.submit(
      current,
      agentId === undefined ? undefined : body,
      (body) => client.agents.execute(agentId as string, body),
      (started) => props.onStarted(started.executionId),
    );
  };

  return (
    <Form
      title="Run an agent"
      fields={RUN_FIELDS}
      state={form.state}
      dispatch={form.dispatch}
      errors={visibleErrors(form.state, validation.errors)}
      active={props.active}
      submitLabel="runs it"
      onSubmit={onSubmit}
      onClose={props.onClose}
      renderPick={renderPick}
    />
  );
}
