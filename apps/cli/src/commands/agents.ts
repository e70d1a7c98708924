import { AGENT_SORT_FIELDS } from "@agentdeck/core";
import { command, group } from "../command-spec.ts";
import { agentView } from "../views/agent.ts";
import { listParams, orgOption, type PagingOptions, pagingOptions, printListing } from "./list-options.ts";

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
    const o = options as PagingOptions;
    const client = await session.client();
    const params = (await listParams(session, o)) as Parameters<typeof client.agents.list>[0];
    await printListing(
      session,
      o,
      {
        page: (signal) => client.agents.list(params, { signal }),
        all: (signal) => client.agents.listAll({ pageSize: 100, ...params }, { signal }),
      },
      agentView,
    );
  },
});

/** `agentdeck agents …` */
export const agents = group("agents", "agents: list them (run one with agentdeck run)", [list]);
