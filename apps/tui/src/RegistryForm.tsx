import type { RegistryAgent } from "@agentdeck/core";
import { useRef } from "react";
import { Form } from "./Form.tsx";
import { type FormState, visibleErrors } from "./formState.ts";
import { REGISTRY_FIELDS, validateRegistryAgent } from "./registryFields.ts";
import { useSession } from "./session.ts";
import { useForm } from "./useForm.ts";

/** The form that registers an agent in the registry. */
export function RegistryForm(props: {
  readonly active: boolean;
  readonly onClose: () => void;
  readonly onCreated: (agent: RegistryAgent) => void;
}) {
  const session = useSession();
  const form = useForm({
    fields: REGISTRY_FIELDS,
    values: {},
    source: "registry:form",
    doing: "register the agent",
  });
  const validation = validateRegistryAgent(form.state.values);
  // Submitting the same details again (after a failure) reuses the idempotency key, so a create
  // whose answer was lost is not made twice; changed details get a new key.
  const attempt = useRef<{ body: string; key: string }>(undefined);

  const onSubmit = (current: FormState) =>
    form.submit(
      current,
      validateRegistryAgent(current.values).body,
      (body) => {
        const json = JSON.stringify(body);
        if (attempt.current?.body !== json) attempt.current = { body: json, key: crypto.randomUUID() };
        return session.client.registry.agents.create(body, { idempotencyKey: attempt.current.key });
      },
      props.onCreated,
    );

  return (
    <Form
      title="Register an agent"
      fields={REGISTRY_FIELDS}
      state={form.state}
      dispatch={form.dispatch}
      errors={visibleErrors(form.state, validation.errors)}
      active={props.active}
      submitLabel="registers"
      onSubmit={onSubmit}
      onClose={props.onClose}
    />
  );
}
