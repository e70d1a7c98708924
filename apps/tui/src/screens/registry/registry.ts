import {
  type CreateRegistryAgentRequest,
  REGISTRY_SORT_FIELDS,
  type RegistryAgent,
  type UpdateRegistryAgentRequest,
} from "@agentdeck/core";
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
import {
  REGISTRY_FIELDS,
  registryValues,
  validateRegistryAgent,
  validateRegistryUpdate,
} from "./registryFields.ts";

type Transition = "retire" | "reinstate";

/** Why the agent's `available_actions` do not allow `action` now, or undefined when they do. */
function notAllowed(
  c: ItemContext<RegistryAgent>,
  action: keyof RegistryAgent["available_actions"],
): string | undefined {
  if (c.item === undefined) return "there is no row selected";
  if (c.item.available_actions[action]) return undefined;
  const why = action === "delete" ? "; retire it first" : action === "update" ? "; reinstate it first" : "";
  return `${sanitize(c.item.name)} is ${sanitize(c.item.status)}${why}`;
}

/**
 * An idempotency key per request body: sending the same body again (after a failure) reuses the
 * key, so a write whose answer was lost is not made twice; a changed body gets a new key.
 */
function keyPerBody(): (body: unknown) => string {
  let last: { body: string; key: string } | undefined;
  return (body) => {
    const json = JSON.stringify(body);
    if (last?.body !== json) last = { body: json, key: crypto.randomUUID() };
    return last.key;
  };
}

/** Asks y/n, then retires or reinstates the agent; the list (and the detail view, if open) show the result. */
function transition(action: Transition): Binding<ItemContext<RegistryAgent>> {
  const done = action === "retire" ? "Retired" : "Reinstated";
  return {
    keys: [action === "retire" ? "t" : "u"],
    description: `${action} the agent (where its available_actions allow; asks y/n)`,
    hint: action,
    disabledReason: (c) => notAllowed(c, action),
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

/** Registers an agent; registering the same details again (after a failure) is not made twice. */
function registerForm(): FormSpec<CreateRegistryAgentRequest, RegistryAgent> {
  const keyFor = keyPerBody();
  return {
    title: "Register an agent",
    fields: REGISTRY_FIELDS,
    submitLabel: "registers",
    doing: "register the agent",
    api: "registry",
    validate: (values) => validateRegistryAgent(values),
    send: (body, session) => session.client.registry.agents.create(body, { idempotencyKey: keyFor(body) }),
    done: (context, agent) => {
      const { list } = itemContext(context, agent);
      context.stack.close(context.id);
      list.refresh(agent.id);
      context.session.reporter(list.id, "registry").info(`Registered ${sanitize(agent.name)}.`);
    },
  };
}

/** Edits `agent`'s name and description (`PUT`, only what changed); back where it was opened, showing the result. */
function editForm(agent: RegistryAgent): FormSpec<UpdateRegistryAgentRequest, RegistryAgent> {
  const keyFor = keyPerBody();
  return {
    title: `Edit ${sanitize(agent.name)}`,
    fields: REGISTRY_FIELDS,
    submitLabel: "saves",
    doing: "save the agent",
    api: "registry",
    validate: (values) => validateRegistryUpdate(values, agent),
    send: (body, session) =>
      session.client.registry.agents.update(agent.id, body, { idempotencyKey: keyFor(body) }),
    done: (context, saved) => {
      const { list } = itemContext(context, saved);
      context.stack.close(context.id);
      // A detail view of the agent under the form shows it as it is now.
      for (const entry of context.stack.entries) {
        if (isDetail(entry.state, saved.id))
          context.stack.update<DetailState<RegistryAgent>>(entry.id, (s) => ({ ...s, item: saved }));
      }
      list.refresh(saved.id);
      // Said by the view the form goes back to: the list, or the agent's detail.
      context.session.reporter(context.stack.top().id, "registry").info(`Saved ${sanitize(saved.name)}.`);
    },
  };
}

/** Asks y/n, then deletes the agent: the list loses it, and a detail view of it closes. */
const DELETE: Binding<ItemContext<RegistryAgent>> = {
  keys: ["d"],
  description: "delete the agent (where its available_actions allow: a retired one; asks y/n)",
  hint: "delete",
  disabledReason: (c) => notAllowed(c, "delete"),
  handler: (c) => {
    const agent = c.item;
    if (agent === undefined) return;
    c.stack.push(CONFIRM_VIEW, {
      question: `Delete ${agent.name}? It cannot be undone.`,
      yes: () => {
        c.session.client.registry.agents.delete(agent.id).then(
          () => {
            if (c.id !== c.list.id) c.stack.close(c.id);
            c.session.reporter(c.list.id, "registry").info(`Deleted ${sanitize(agent.name)}.`);
            c.list.refresh();
          },
          (error: unknown) => c.report.failed(error, `delete ${agent.name}`),
        );
      },
    });
  },
};

/** The Registry tab: registered agents with their status and instances; register, edit, retire, reinstate, delete. */
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
    {
      keys: ["e"],
      description: "edit the agent's name and description (where its available_actions allow)",
      hint: "edit",
      disabledReason: (c) => notAllowed(c, "update"),
      handler: (c) => {
        if (c.item) c.stack.push(FORM_VIEW, openForm(editForm(c.item), registryValues(c.item)));
      },
    },
    transition("retire"),
    transition("reinstate"),
    DELETE,
  ],
  empty: () => "no agents registered: press n to register one",
};
