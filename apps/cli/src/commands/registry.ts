import {
  REGISTRY_SORTINGS,
  type RegistryAgentSummary,
  type RegistryListParams,
  type UpdateRegistryAgentRequest,
} from "@agentdeck/core";
import { type Command, Option } from "commander";
import { UsageError } from "../cli-errors.ts";
import { command, group } from "../command-spec.ts";
import { confirm, requireAnswerable } from "../confirm.ts";
import { parseCount, parsePositive } from "../duration.ts";
import { unlessFateUnknown } from "../may-have-acted.ts";
import type { Session } from "../session.ts";
import { registryAgentView } from "../views/registry-agent.ts";

type Agents = Awaited<ReturnType<Session["registry"]>>;

const PAGE_SIZE_ALL = 100;

/**
 * Every registered agent from `offset` on, page after page. The next page is where the registry's
 * `next_page_offset` says; without pagination in the answer, right after this page while pages come
 * back full. An agent seen before is not yielded twice, and a page with nothing new ends the walk, so
 * a registry that ignores the offset cannot loop forever.
 */
async function* everyAgent(
  agents: Agents,
  params: RegistryListParams,
  signal: AbortSignal,
): AsyncGenerator<RegistryAgentSummary> {
  const pageSize = params.pageSize ?? PAGE_SIZE_ALL;
  const seen = new Set<string>();
  let offset = params.offset ?? 0;
  for (;;) {
    const page = await agents.list({ ...params, pageSize, offset }, { signal });
    const fresh = page.items.filter((agent) => !seen.has(agent.id));
    for (const agent of fresh) seen.add(agent.id);
    yield* fresh;
    const next =
      page.pagination === null
        ? page.items.length >= pageSize
          ? offset + page.items.length
          : null
        : page.pagination.next_page_offset;
    if (next === null || next <= offset || fresh.length === 0) return;
    offset = next;
  }
}

/** `--risk-profile`, `--team`, `--owner`: ids of the registry (PFIDs), checked by core before sending. */
type Relations = { riskProfile?: string; team?: string; owner?: string };

const list = command({
  usage: "list",
  summary: "list registered agents",
  description:
    "List registered agents. A list shows each agent's summary; registry agents get --counts adds its instance counts.",
  examples: [
    "agentdeck registry agents list",
    "agentdeck registry agents list --sort -id --page-size 50        # newest first",
    "agentdeck registry agents list --team $TEAM --all --quiet",
    "agentdeck registry agents list --all --json | jq -r 'select(.status == \"retired\") | .id'",
  ],
  options: (c) =>
    c
      .option("--offset <n>", "skip this many agents", parseCount)
      .option("--page-size <n>", "agents a page (1 to 100)", parsePositive)
      .addOption(
        new Option("--sort <field>", "sort by this field; a leading - for descending (--sort=-id)").choices(
          REGISTRY_SORTINGS,
        ),
      )
      .option("--risk-profile <id>", "only agents with this risk profile")
      .option("--team <id>", "only agents of this team")
      .option("--owner <id>", "only agents this person owns")
      .option("--all", "every page, one after another: NDJSON with --json, ids with --quiet"),
  async run(session, _args, options) {
    const o = options as Relations & {
      offset?: number;
      pageSize?: number;
      sort?: RegistryListParams["sorting"];
      all?: boolean;
    };
    const params: RegistryListParams = {
      ...(o.offset === undefined ? {} : { offset: o.offset }),
      ...(o.pageSize === undefined ? {} : { pageSize: o.pageSize }),
      ...(o.sort === undefined ? {} : { sorting: o.sort }),
      ...(o.riskProfile === undefined ? {} : { riskProfileId: o.riskProfile }),
      ...(o.team === undefined ? {} : { teamId: o.team }),
      ...(o.owner === undefined ? {} : { ownerPersonId: o.owner }),
    };
    const agents = await session.registry();
    if (o.all) {
      await session.out.stream(everyAgent(agents, params, session.signal), registryAgentView);
      return;
    }
    const page = await agents.list(params, { signal: session.signal });
    await session.out.list(page.items, registryAgentView, page);
    const next = page.pagination?.next_page_offset ?? null;
    if (session.out.mode === "table" && page.pagination !== null && next !== null) {
      const { item_end, item_count } = page.pagination;
      await session.out.hint(
        `${item_end} of ${item_count} registry agents; --offset ${next} for the next, --all for every one`,
      );
    }
  },
});

const countsFlag = (c: Command) =>
  c.option("--counts", "also ask for its instance counts (active, pending, finished)");

const get = command({
  usage: "get <agent-id>",
  summary: "show one registered agent",
  examples: [
    "agentdeck registry agents get 01j9x4m2k8d7q3r5t6v8w0y2z4a6b8c0",
    "agentdeck registry agents get $ID --counts --json | jq .instance_counts.active",
  ],
  options: countsFlag,
  async run(session, [agentId], options) {
    const agents = await session.registry();
    const includeCounts = options.counts === true;
    await session.out.item(
      await agents.get(agentId as string, includeCounts ? { includeCounts } : {}, { signal: session.signal }),
      registryAgentView,
    );
  },
});

const show = command({
  usage: "show",
  summary: "show one registered agent by its external id",
  description:
    "Show one registered agent by the external id it was registered with (registry agents create --external-id).",
  examples: [
    "agentdeck registry agents show --external-id crm-invoice-triage",
    "agentdeck registry agents show --external-id crm-invoice-triage --quiet   # its registry id",
  ],
  options: (c) =>
    countsFlag(c.requiredOption("--external-id <id>", "the agent's own id, unique in the account")),
  async run(session, _args, options) {
    const agents = await session.registry();
    const agent = await agents.show(
      {
        externalIdentifier: options.externalId as string,
        ...(options.counts === true ? { includeCounts: true } : {}),
      },
      { signal: session.signal },
    );
    await session.out.item(agent, registryAgentView);
  },
});

/** The command that sends a registry write again with the same idempotency key, which the registry runs once. */
function retryWith(line: string, idempotencyKey: string): string {
  return `retry with the same key, which the registry runs only once: agentdeck registry agents ${line} --idempotency-key ${idempotencyKey}`;
}

const idempotencyFlag = (c: Command) =>
  c.option("--idempotency-key <key>", "send this key (1 to 64 characters), to retry the write safely");

const create = command({
  usage: "create <name>",
  summary: "register an agent",
  description:
    "Register an agent. The request carries an idempotency key (one is made unless given), so when it fails without an answer, agentdeck prints the command that retries it safely: the registry then answers with the agent it made, never a second one.",
  examples: [
    'agentdeck registry agents create "Invoice triage" --description "Sorts incoming invoices"',
    'agentdeck registry agents create "Invoice triage" --external-id crm-invoice-triage --quiet',
    'agentdeck registry agents create "Invoice triage" --idempotency-key deploy-42',
  ],
  options: (c) =>
    idempotencyFlag(
      c
        .option("--description <text>", "what the agent does (up to 2000 characters)")
        .option("--external-id <id>", "your own id for it, unique in the account; set only here")
        .option("--risk-profile <id>", "the risk profile to register it with")
        .option("--team <id>", "the team it belongs to")
        .option("--owner <id>", "the person who owns it"),
    ),
  async run(session, [name], options) {
    const o = options as Relations & { description?: string; externalId?: string; idempotencyKey?: string };
    const idempotencyKey = o.idempotencyKey ?? crypto.randomUUID();
    const details = {
      name: name as string,
      ...(o.description === undefined ? {} : { description: o.description }),
      ...(o.externalId === undefined ? {} : { external_identifier: o.externalId }),
      ...(o.riskProfile === undefined ? {} : { risk_profile_id: o.riskProfile }),
      ...(o.team === undefined ? {} : { team_id: o.team }),
      ...(o.owner === undefined ? {} : { owner_person_id: o.owner }),
    };
    const agents = await session.registry();
    const agent = await unlessFateUnknown(
      agents.create(details, { idempotencyKey, signal: session.signal }),
      `The agent may have been registered all the same: ${retryWith(`create ${JSON.stringify(name)}`, idempotencyKey)}`,
    );
    await session.out.item(agent, registryAgentView);
  },
});

// An empty value clears a field (sends null), as `config set organizationId ""` does.
const cleared = (value: string) => (value === "" ? null : value);

const update = command({
  usage: "update <agent-id>",
  summary: "change a registered agent's name, description, risk profile, team or owner",
  description:
    'Change the fields given, and only those (an empty value clears one: --description ""). The external id is set at create and cannot change. The request carries an idempotency key, so one that fails without an answer can be retried safely with the command agentdeck prints.',
  examples: [
    'agentdeck registry agents update $ID --name "Invoice triage (EU)"',
    'agentdeck registry agents update $ID --description "" --team $TEAM      # clear the description',
  ],
  options: (c) =>
    idempotencyFlag(
      c
        .option("--name <name>", "the new name")
        .option("--description <text>", "the new description (empty: none)")
        .option("--risk-profile <id>", "the new risk profile (empty: none)")
        .option("--team <id>", "the new team (empty: none)")
        .option("--owner <id>", "the new owner (empty: none)"),
    ),
  async run(session, [agentId], options) {
    const o = options as Relations & { name?: string; description?: string; idempotencyKey?: string };
    const details: UpdateRegistryAgentRequest = {
      ...(o.name === undefined ? {} : { name: o.name }),
      ...(o.description === undefined ? {} : { description: cleared(o.description) }),
      ...(o.riskProfile === undefined ? {} : { risk_profile_id: cleared(o.riskProfile) }),
      ...(o.team === undefined ? {} : { team_id: cleared(o.team) }),
      ...(o.owner === undefined ? {} : { owner_person_id: cleared(o.owner) }),
    };
    if (Object.keys(details).length === 0) {
      throw new UsageError(
        "nothing to change: give --name, --description, --risk-profile, --team or --owner.",
      );
    }
    const idempotencyKey = o.idempotencyKey ?? crypto.randomUUID();
    const agents = await session.registry();
    const agent = await unlessFateUnknown(
      agents.update(agentId as string, details, { idempotencyKey, signal: session.signal }),
      `The change may have been made all the same: ${retryWith(`update ${agentId} …`, idempotencyKey)} (the same flags), or read it with agentdeck registry agents get ${agentId}.`,
    );
    await session.out.item(agent, registryAgentView);
  },
});

const remove = command({
  usage: "delete <agent-id>",
  summary: "delete a retired agent for good",
  description:
    "Delete a registered agent for good; the registry deletes only a retired one (registry agents retire first). On a terminal it asks first; anywhere else --yes is required. Prints the agent as it was.",
  examples: [
    "agentdeck registry agents delete $ID",
    "agentdeck registry agents retire $ID && agentdeck registry agents delete $ID --yes",
  ],
  options: (c) => idempotencyFlag(c.option("-y, --yes", "do not ask: delete it")),
  async run(session, [agentId], options) {
    const o = options as { yes?: boolean; idempotencyKey?: string };
    const agents = await session.registry();
    const id = agentId as string;
    requireAnswerable(session, { yes: o.yes === true, flag: "--yes", what: `deleting registry agent ${id}` });
    if (!o.yes) {
      // A person is shown which agent before saying yes; a script with --yes needs no extra request.
      const { name } = await agents.get(id, {}, { signal: session.signal });
      await confirm(session, `Delete registry agent ${JSON.stringify(name)} (${id}) for good?`);
    }
    const idempotencyKey = o.idempotencyKey ?? crypto.randomUUID();
    const agent = await unlessFateUnknown(
      agents.delete(id, { idempotencyKey, signal: session.signal }),
      `It may have been deleted all the same: ${retryWith(`delete ${id} --yes`, idempotencyKey)}`,
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
  group("agents", "registered agents: list, get, show, create, update, retire, reinstate, delete", [
    list,
    get,
    show,
    create,
    update,
    ...transitions,
    remove,
  ]),
]);
