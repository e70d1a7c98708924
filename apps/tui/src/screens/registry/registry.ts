import { type CreateRegistryAgentRequest, REGISTRY_SORT_FIELDS, type RegistryAgent } from "@agentdeck/core";
import { formatTime } from "../../common/format.ts";
import { sanitize } from "../../common/sanitize.ts";
import { FORM_VIEW, type FormSpec, openForm } from "../../form/formView.tsx";
import type { Binding } from "../../keys/binding.ts";
import { statusColumn } from "../../list/Table.tsx";
import { CONFIRM_VIEW } from "../confirmView.tsx";
import { registryPages } from "../pageSources.ts";
import type { ItemContext, Resource } from "../resource.ts";
import type { DetailState } from "../resourceViews.tsx";
import { itemContext } from "../resourceViews.tsx";
import { REGISTRY_FIELDS, validateRegistryAgent } from "./registryFields.ts";

type Transition = "retire" | "reinstate";

/** Asks y/n, then retires or reinstates the agent; the list (and the detail view, if open) show the result. */
function transition(action: Transition): Binding<ItemContext<RegistryAgent>> {
  const done = action === "retire" ? "Retired" : "Reinstated";
  return {
    keys: [action === "retire" ? "t" : "u"],
    description: `${action} the agent (where its available_actions allow; asks y/n)`,
    hint: action,
    disabledReason: (c) => {
      if (c.item === undefined) return "there is no row selected";
      return c.item.available_actions[action]
        ? undefined
        : `${sanitize(c.item.name)} is ${sanitize(c.item.status)}`;
    },
    handler: (c) => {
      const agent = c.item;
      if (agent === undefined) return;
      c.stack.push(CONFIRM_VIEW, {
        question: `${action === "retire" ? "Retire" : "Reinstate"} ${agent.name}?`,
        yes: () => {
          const { agents } = c.session.client.registry;
          (action === "retire" ? agents.retire(agent.id) : agents.reinstate(agent.id)).then(
            (updated) => {
              // A detail view of the agent shows it as it is now.
              c.set((s) => (isDetail(s, updated.id) ? { ...s, item: updated } : s));
              c.report.info(`${done} ${sanitize(updated.name)}.`);
              c.report.ok();
              c.list.refresh(updated.id);
            },
            (error: unknown) => c.report.failed(error, `${action} ${agent.name}`),
          );
        },
      });
    },
  };
}

function isDetail(state: unknown, id: string): state is DetailState<RegistryAgent> {
  return (
    typeof state === "object" &&
    state !== null &&
    "item" in state &&
    (state as DetailState<RegistryAgent>).item.id === id
  );
}

/**
 * Registering the same details again (after a failure) reuses the idempotency key, so a create
 * whose answer was lost is not made twice; changed details get a new key.
 */
function registerForm(): FormSpec<CreateRegistryAgentRequest, RegistryAgent> {
  let attempt: { body: string; key: string } | undefined;
  return {
    title: "Register an agent",
    fields: REGISTRY_FIELDS,
    submitLabel: "registers",
    doing: "register the agent",
    api: "registry",
    validate: (values) => validateRegistryAgent(values),
    send: (body, session) => {
      const json = JSON.stringify(body);
      if (attempt?.body !== json) attempt = { body: json, key: crypto.randomUUID() };
      return session.client.registry.agents.create(body, { idempotencyKey: attempt.key });
    },
    done: (context, agent) => {
      const { list } = itemContext(context, agent);
      context.stack.close(context.id);
      list.refresh(agent.id);
      context.session.reporter(list.id, "registry").info(`Registered ${sanitize(agent.name)}.`);
    },
  };
}

/** The Registry tab: registered agents with their status and instances; register, retire, reinstate. */
export const REGISTRY: Resource<RegistryAgent> = {
  title: "Registry",
  noun: "registered agent",
  api: "registry",
  columns: [
    { title: "Name", cell: (a) => a.name, sortField: "name" },
    statusColumn(8, (a) => a.status),
    {
      title: "Instances",
      width: 16,
      // A list answers summaries, without counts; the detail asks for them.
      cell: (a) =>
        a.instance_counts ? `${a.instance_counts.total} (${a.instance_counts.active} active)` : "–",
      optional: true,
    },
    {
      title: "Updated",
      width: 16,
      cell: (a) => formatTime(a.updated_at),
      optional: true,
    },
  ],
  sortFields: REGISTRY_SORT_FIELDS,
  // The registry API has no search: the filter keeps the rows of the page that match.
  searchBy: "name, on this page",
  source: (session) => registryPages(session.client),
  needsOrganization: false,
  unavailable: (session) =>
    session.registry
      ? undefined
      : [
          "The registry is not configured.",
          "Set AGENT_REGISTRY_TOKEN (and AGENT_REGISTRY_URL), or add registryToken to your profile, then restart.",
        ],
  itemTitle: (agent) => agent.name,
  details: (agent) => [
    ["id", agent.id],
    ["status", agent.status],
    ["about", agent.description ?? "", 3],
    ["total", String(agent.instance_counts?.total ?? "–")],
    ["active", String(agent.instance_counts?.active ?? "–")],
    ["pending", String(agent.instance_counts?.pending ?? "–")],
    ["complete", String(agent.instance_counts?.complete ?? "–")],
    ["failed", String(agent.instance_counts?.failed ?? "–")],
    ["cancelled", String(agent.instance_counts?.cancelled ?? "–")],
    ["created", formatTime(agent.inserted_at)],
    ["updated", formatTime(agent.updated_at)],
  ],
  fetchOne: (session, id, signal) =>
    session.client.registry.agents.get(id, { includeCounts: true }, { signal }),
  actions: [
    {
      keys: ["n"],
      description: "register an agent",
      hint: "register",
      handler: (c) => c.stack.push(FORM_VIEW, openForm(registerForm())),
    },
    transition("retire"),
    transition("reinstate"),
  ],
  empty: () => "no agents registered: press n to register one",
};
