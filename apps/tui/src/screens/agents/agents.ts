import { AGENT_SORT_FIELDS, type AgentListItem } from "@agentdeck/core";
import { formatTime } from "../../common/format.ts";
import { FORM_VIEW } from "../../form/formView.tsx";
import { agentPages } from "../pageSources.ts";
import { type ItemContext, needsItem, type Resource } from "../resource.ts";
import { runForm } from "./runForm.ts";

function run(context: ItemContext<AgentListItem>): void {
  const agent = context.item;
  if (agent) context.stack.push(FORM_VIEW, runForm({ agent: { id: agent.id, name: agent.name } }));
}

/** The Agents tab: agents by name; Enter or x runs the selected one. */
export const AGENTS: Resource<AgentListItem> = {
  title: "Agents",
  noun: "agent",
  api: "v2",
  columns: [
    { title: "Name", cell: (a) => a.name, sortField: "name" },
    {
      title: "Created",
      width: 16,
      cell: (a) => formatTime(a.createdAt),
      sortField: "created_at",
      optional: true,
    },
    { title: "Id", width: 36, cell: (a) => a.id, optional: true },
  ],
  sortFields: AGENT_SORT_FIELDS,
  searchBy: "name",
  source: (session) => agentPages(session.client, session.organizationId),
  needsOrganization: true,
  itemTitle: (agent) => agent.name,
  details: (agent) => [
    ["id", agent.id],
    ["created", formatTime(agent.createdAt)],
    ["user", agent.userId],
    ["org", agent.organizationId],
  ],
  open: { description: "run the agent", hint: "run", disabledReason: needsItem, handler: run },
  actions: [{ keys: ["x"], description: "run the agent", disabledReason: needsItem, handler: run }],
  empty: () => "no agents in this organization",
};
