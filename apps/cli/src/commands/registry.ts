import { REGISTRY_SORT_FIELDS, type RegistryAgent, type RegistryListParams } from "@agentdeck/core";
import { InvalidArgumentError } from "commander";
import { command, group } from "../command-spec.ts";
import { parseCount, parsePositive } from "../duration.ts";
import { unlessFateUnknown } from "../may-have-acted.ts";
import type { Session } from "../session.ts";
import { registryAgentView } from "../views/registry-agent.ts";

type Agents = Awaited<ReturnType<Session["registry"]>>;

// `name`, `-inserted_at`, …: a field the registry sorts by, `-` for descending.
function sortField(value: string): string {
  if (!(REGISTRY_SORT_FIELDS as readonly string[]).includes(value.replace(/^-/, ""))) {
    throw new InvalidArgumentError(
      `must be one of ${REGISTRY_SORT_FIELDS.join(", ")}, with a leading - for descending (such as -inserted_at).`,
    );
  }
  return value;
}

/** Every registered agent from `offset` on, page after page, until the registry says there is no next page. */
async function* everyAgent(
  agents: Agents,
  params: RegistryListParams,
  signal: AbortSignal,
): AsyncGenerator<RegistryAgent> {
  let offset = params.offset ?? 0;
  for (;;) {
    const page = await agents.list({ ...params, offset }, { signal });
    yield* page.items;
    const next = page.pagination.next_page_offset;
    if (next === null || next <= offset || page.items.length === 0) return;
    offset = next;
  }
}

const list = command({
  usage: "list",
  summary: "list registered agents",
  examples: [
    "agentdeck registry agents list",
    "agentdeck registry agents list --sort name --page-size 50",
    "agentdeck registry agents list --all --json | jq -r 'select(.status == \"retired\") | .id'",
  ],
  options: (c) =>
    c
      .option("--offset <n>", "skip this many agents", parseCount)
      .option("--page-size <n>", "agents a page (1 to 100)", parsePositive)
      .option(
        "--sort <field>",
        `sort by ${REGISTRY_SORT_FIELDS.join(", ")}; a leading - for descending`,
        sortField,
      )
      .option("--all", "every page, one after another: NDJSON with --json, ids with --quiet"),
  async run(session, _args, options) {
    const o = options as { offset?: number; pageSize?: number; sort?: string; all?: boolean };
    const params = {
      ...(o.offset === undefined ? {} : { offset: o.offset }),
      ...(o.pageSize === undefined ? {} : { page_size: o.pageSize }),
      ...(o.sort === undefined ? {} : { sort: o.sort }),
    };
    const agents = await session.registry();
    if (o.all) {
      await session.out.stream(
        everyAgent(agents, { page_size: 100, ...params }, session.signal),
        registryAgentView,
      );
      return;
    }
    const page = await agents.list(params, { signal: session.signal });
    await session.out.list(page.items, registryAgentView, page);
    const { item_count, item_end, next_page_offset } = page.pagination;
    if (session.out.mode === "table" && next_page_offset !== null) {
      await session.out.hint(
        `${item_end} of ${item_count} registry agents; --offset ${next_page_offset} for the next, --all for every one`,
      );
    }
  },
});

const get = command({
  usage: "get <agent-id>",
  summary: "show one registered agent",
  examples: ["agentdeck registry agents get 01j9x4m2k8d7q3r5t6v8w0y2z4a6b8c0"],
  async run(session, [agentId]) {
    const agents = await session.registry();
    await session.out.item(
      await agents.get(agentId as string, { signal: session.signal }),
      registryAgentView,
    );
  },
});

const create = command({
  usage: "create <name>",
  summary: "register an agent",
  description:
    "Register an agent. The request carries an idempotency key (one is made unless given), so when it fails without an answer, agentdeck prints the command that retries it safely: the registry then answers with the agent it made, never a second one.",
  examples: [
    'agentdeck registry agents create "Invoice triage" --description "Sorts incoming invoices"',
    'agentdeck registry agents create "Invoice triage" --idempotency-key deploy-42 --quiet',
  ],
  options: (c) =>
    c
      .option("--description <text>", "what the agent does (up to 2000 characters)")
      .option("--risk-profile <id>", "the risk profile to register it with")
      .option("--idempotency-key <key>", "send this key, to retry a create safely"),
  async run(session, [name], options) {
    const o = options as { description?: string; riskProfile?: string; idempotencyKey?: string };
    const idempotencyKey = o.idempotencyKey ?? crypto.randomUUID();
    const details = {
      name: name as string,
      ...(o.description === undefined ? {} : { description: o.description }),
      ...(o.riskProfile === undefined ? {} : { risk_profile_id: o.riskProfile }),
    };
    const agents = await session.registry();
    const agent = await unlessFateUnknown(
      agents.create(details, { idempotencyKey, signal: session.signal }),
      `The agent may have been registered all the same: retry with the same key, which cannot make a second one: agentdeck registry agents create ${JSON.stringify(name)} --idempotency-key ${idempotencyKey}`,
    );
    await session.out.item(agent, registryAgentView);
  },
});

const transitions = (["retire", "reinstate"] as const).map((action) =>
  command({
    usage: `${action} <agent-id>`,
    summary:
      action === "retire"
        ? "retire an agent: it stays listed but takes no new instances"
        : "bring a retired agent back",
    examples: [`agentdeck registry agents ${action} $ID`],
    async run(session, [agentId]) {
      const agents = await session.registry();
      await session.out.item(
        await agents[action](agentId as string, { signal: session.signal }),
        registryAgentView,
      );
    },
  }),
);

/** `agentdeck registry …` */
export const registry = group("registry", "the agent registry (needs AGENT_REGISTRY_TOKEN)", [
  group("agents", "registered agents: list, get, create, retire, reinstate", [
    list,
    get,
    create,
    ...transitions,
  ]),
]);
