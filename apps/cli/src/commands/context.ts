import { command } from "../command-spec.ts";
import { organizationView } from "../views/organization.ts";

/** `agentdeck context` */
export const context = command({
  usage: "context",
  summary: "who the API key belongs to, and their organizations",
  examples: ["agentdeck context", "agentdeck context --json | jq -r '.organizations[0].id'"],
  async run(session) {
    const client = await session.client();
    const who = await client.context.get({ signal: session.signal });
    if (session.out.mode !== "table") {
      await session.out.list(who.organizations, organizationView, who);
      return;
    }
    await session.out.fields([
      ["user", who.userId],
      ["email", who.email],
    ]);
    await session.out.list(who.organizations, organizationView);
  },
});
