import { type AgentProfilePool, POOL_SORT_FIELDS } from "@agentdeck/core";
import { formatTime } from "../../common/format.ts";
import { FORM_VIEW, openForm } from "../../form/formView.tsx";
import type { Detail } from "../../list/DetailPane.tsx";
import { runForm } from "../agents/runForm.ts";
import { poolPages } from "../pageSources.ts";
import { needsItem, type Resource } from "../resource.ts";
import { poolValues } from "./poolFields.ts";
import { CREATE_POOL, editPool } from "./poolForm.ts";

/** The pool's fields, for the detail pane and the detail view. */
function poolDetails(pool: AgentProfilePool): Detail[] {
  return [
    ["id", pool.id],
    ["strategy", pool.selectionStrategy],
    ["concurrent", pool.allowConcurrentUse ? "yes" : "no"],
    ["created", formatTime(pool.createdAt)],
    ["updated", formatTime(pool.updatedAt)],
    ["org", pool.organizationId],
  ];
}

/** The Pools tab: agent profile pools of the organization; create, edit, run an agent with one. */
export const POOLS: Resource<AgentProfilePool> = {
  title: "Pools",
  noun: "pool",
  api: "v2",
  columns: [
    { title: "Name", cell: (p) => p.name, sortField: "name" },
    { title: "Strategy", width: 20, cell: (p) => p.selectionStrategy },
    { title: "Concurrent", width: 10, cell: (p) => (p.allowConcurrentUse ? "yes" : "no"), optional: true },
    {
      title: "Updated",
      width: 16,
      cell: (p) => formatTime(p.updatedAt),
      sortField: "updated_at",
      optional: true,
    },
  ],
  sortFields: POOL_SORT_FIELDS,
  searchBy: "name",
  source: (session) => poolPages(session.client, session.organizationId),
  needsOrganization: true,
  itemTitle: (pool) => pool.name,
  details: poolDetails,
  fetchOne: (session, id, signal) => session.client.pools.get(id, { signal }),
  actions: [
    {
      keys: ["n"],
      description: "new pool",
      hint: "new",
      disabledReason: (c) =>
        c.session.organizationId === undefined ? "the organization is not known yet" : undefined,
      handler: (c) => c.stack.push(FORM_VIEW, openForm(CREATE_POOL, poolValues())),
    },
    {
      keys: ["e"],
      description: "edit the pool",
      hint: "edit",
      disabledReason: needsItem,
      handler: (c) => {
        if (c.item) c.stack.push(FORM_VIEW, openForm(editPool(c.item), poolValues(c.item)));
      },
    },
    {
      keys: ["x"],
      description: "run an agent with the pool",
      hint: "run",
      disabledReason: needsItem,
      handler: (c) => {
        if (c.item) c.stack.push(FORM_VIEW, runForm({ pool: { id: c.item.id, name: c.item.name } }));
      },
    },
  ],
  empty: () => "no pools yet: press n to create one",
};
