import type { AgentListItem } from "@agentdeck/core";
import type { View } from "../output/view.ts";
import { formatTime } from "./time.ts";

/** How an agent of `GET /agents` is printed. */
export const agentView: View<AgentListItem> = {
  noun: "agent",
  nouns: "agents",
  id: (agent) => agent.id,
  columns: [
    { header: "ID", cell: (agent) => agent.id },
    { header: "NAME", cell: (agent) => agent.name, flex: true },
    { header: "CREATED", cell: (agent) => formatTime(agent.createdAt) },
  ],
  fields: (agent) => [
    ["id", agent.id],
    ["name", agent.name],
    ["organization", agent.organizationId],
    ["created", formatTime(agent.createdAt)],
  ],
};
