import type { AgentProfilePool } from "@agentdeck/core";
import type { View } from "../output/view.ts";
import { formatTime } from "./time.ts";

/** How a pool is printed. */
export const poolView: View<AgentProfilePool> = {
  noun: "pool",
  nouns: "pools",
  id: (pool) => pool.id,
  columns: [
    { header: "ID", cell: (pool) => pool.id },
    { header: "NAME", cell: (pool) => pool.name, flex: true },
    { header: "STRATEGY", cell: (pool) => pool.selectionStrategy },
    { header: "CONCURRENT", cell: (pool) => (pool.allowConcurrentUse ? "yes" : "no") },
    { header: "UPDATED", cell: (pool) => formatTime(pool.updatedAt) },
  ],
  fields: (pool) => [
    ["id", pool.id],
    ["name", pool.name],
    ["organization", pool.organizationId],
    ["strategy", pool.selectionStrategy],
    ["concurrent use", pool.allowConcurrentUse ? "yes" : "no"],
    ["created", formatTime(pool.createdAt)],
    ["updated", formatTime(pool.updatedAt)],
  ],
};
