import type { RegistryAgent, RegistryAgentSummary } from "@agentdeck/core";
import { statusStyle } from "../output/colour.ts";
import type { View } from "../output/view.ts";
import { formatTime } from "./time.ts";

const actions = (agent: RegistryAgentSummary) =>
  Object.entries(agent.available_actions)
    .filter(([, allowed]) => allowed)
    .map(([action]) => action)
    .join(", ");

// Lists answer summaries; a single agent has its counts only when asked (`--counts`) or after a write.
function instances(agent: RegistryAgent): string | undefined {
  const counts = agent.instance_counts;
  if (counts === undefined) return undefined;
  return `${counts.active} active, ${counts.pending} pending, ${counts.finished} finished, ${counts.total} in all`;
}

/** How an agent of the registry is printed: a list row from its summary, alone with its counts when it has them. */
export const registryAgentView: View<RegistryAgent> = {
  noun: "registry agent",
  nouns: "registry agents",
  id: (agent) => agent.id,
  columns: [
    { header: "ID", cell: (a) => a.id },
    { header: "NAME", cell: (a) => a.name, flex: true },
    { header: "STATUS", cell: (a) => a.status, style: (a) => statusStyle(a.status) },
    { header: "EXTERNAL ID", cell: (a) => a.external_identifier },
    { header: "DESCRIPTION", cell: (a) => a.description, flex: true },
  ],
  fields: (a) => [
    ["id", a.id],
    ["name", a.name],
    ["status", a.status, statusStyle(a.status)],
    ["description", a.description],
    ["external id", a.external_identifier],
    ["instances", instances(a)],
    ["can", actions(a)],
    ["risk profile", a.risk_profile_id],
    ["team", a.team_id],
    ["owner", a.owner_person_id],
    ["created", formatTime(a.inserted_at)],
    ["updated", formatTime(a.updated_at)],
  ],
};
