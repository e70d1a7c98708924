import type { Organization } from "@agentdeck/core";
import type { View } from "../output/view.ts";

/** How an organization of `GET /context` is printed. */
export const organizationView: View<Organization> = {
  noun: "organization",
  nouns: "organizations",
  id: (org) => org.id,
  columns: [
    { header: "ID", cell: (org) => org.id },
    { header: "NAME", cell: (org) => org.name, flex: true },
    { header: "ROLE", cell: (org) => org.role },
  ],
  fields: (org) => [
    ["id", org.id],
    ["name", org.name],
    ["role", org.role],
  ],
};
