import type { AgentProfilePool } from "@agentdeck/core";
import { Form } from "./Form.tsx";
import { type FormState, visibleErrors } from "./formState.ts";
import { POOL_FIELDS, poolValues, validateCreatePool, validateUpdatePool } from "./poolFields.ts";
import { sanitize } from "./sanitize.ts";
import { useSession } from "./session.ts";
import { useForm } from "./useForm.ts";

/** The form that creates a pool, or edits `pool`; `onSaved` gets the pool the server returned. */
export function PoolForm(props: {
  readonly pool?: AgentProfilePool;
  readonly active: boolean;
  readonly onClose: () => void;
  readonly onSaved: (pool: AgentProfilePool, created: boolean) => void;
}) {
  const session = useSession();
  const { pool } = props;
  const form = useForm({
    fields: POOL_FIELDS,
    values: poolValues(pool),
    source: "pools:form",
    doing: pool ? "save the pool" : "create the pool",
  });
  const update = pool ? validateUpdatePool(form.state.values, pool) : undefined;
  const create = pool ? undefined : validateCreatePool(form.state.values, session.organizationId);
  const errors = update?.errors ?? create?.errors ?? {};

  const onSubmit = (current: FormState) => {
    if (pool) {
      form.submit(
        current,
        validateUpdatePool(current.values, pool).body,
        (body) => session.client.pools.update(pool.id, body),
        (saved) => props.onSaved(saved, false),
      );
    } else {
      form.submit(
        current,
        validateCreatePool(current.values, session.organizationId).body,
        (body) => session.client.pools.create(body),
        (saved) => props.onSaved(saved, true),
      );
    }
  };

  return (
    <Form
      title={pool ? `Edit pool ${sanitize(pool.name)}` : "New pool"}
      fields={POOL_FIELDS}
      state={form.state}
      dispatch={form.dispatch}
      errors={visibleErrors(form.state, errors)}
      active={props.active}
      submitLabel={pool ? "saves" : "creates the pool"}
      onSubmit={onSubmit}
      onClose={props.onClose}
    />
  );
}
