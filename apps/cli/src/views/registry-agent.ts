import type { RegistryAgent } from "@agentdeck/core";
import { statusStyle } from "../output/colour.ts";
import type { View } from "../output/view.ts";
import { formatTime } from "./time.ts";

const actions = (agent: RegistryAgent) =>
  Object.entries(agent.available_actions)
    .filter(([, allowed]) => allowed)
    .map(([action]) => action)
    .join(", ");

/** How an agent of the registry is printed. */
export const registryAgentView: View<RegistryAgent> = {
  noun: "registry agent",
  nouns: "registry agents",
  id: (agent) => agent.id,
  columns: [
    { header: "ID", cell: (a) => a.id },
    { header: "NAME", cell: (a) => a.name, flex: true },
    { header: "STATUS", cell: (a) => a.status, style: (a) => statusStyle(a.status) },
    { header: "ACTIVE", cell: (a) => a.instance_counts.active },
    { header: "TOTAL", cell: (a) => a.instance_counts.total },
    { header: "DESCRIPTION", cell: (a) => a.description, flex: true },
  ],
  fields: (a) => [
    ["id", a.id],
    ["name", a.name],
    ["status", a.status, statusStyle(a.status)],
    ["description", a.description],
    [
      "instances",
      `${a.instance_counts.active} active, ${a.instance_counts.pending} pending, ${a.instance_counts.finished} finished, ${a.instance_counts.total} in all`,
    ],
    ["can", actions(a)],
    ["risk profile", a.risk_profile_id],
    ["created", formatTime(a.inserted_at)],
    ["updated", formatTime(a.updated_at)],
  ],
};
