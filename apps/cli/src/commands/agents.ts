import { AGENT_SORT_FIELDS } from "@agentdeck/core";
import { command, group } from "../command-spec.ts";
import { agentView } from "../views/agent.ts";
import { orgOption, type PagingOptions, pagingOptions, pagingParams } from "./list-options.ts";

const list = command({
  usage: "list",
  summary: "list agents",
  examples: [
    "agentdeck agents list",
    "agentdeck agents list --search invoice --quiet   # ids only, for xargs",
    "agentdeck agents list --all --json | jq -r '[.id, .name] | @tsv'",
  ],
  options: (c) =>
    orgOption(
      pagingOptions(c, AGENT_SORT_FIELDS).option("--search <text>", "only names containing this"),
      "to list",
    ),
  async run(session, _args, options) {
    const o = options as PagingOptions & { search?: string; org?: string };
    const client = await session.client();
    const organizationId = await session.organization(o.org);
    const params = {
      ...pagingParams(o),
      ...(o.search === undefined ? {} : { searchName: o.search }),
      ...(organizationId === undefined ? {} : { organizationId }),
    } as Parameters<typeof client.agents.list>[0];
    if (o.all) {
      await session.out.stream(
        client.agents.listAll({ pageSize: 100, ...params }, { signal: session.signal }),
        agentView,
      );
      return;
    }
    await session.out.page(await client.agents.list(params, { signal: session.signal }), agentView);
  },
});

/** `agentdeck agents …` */
export const agents = group("agents", "agents: list them (run one with agentdeck run)", [list]);
