import { POOL_SORT_FIELDS, SELECTION_STRATEGIES, type SelectionStrategy } from "@agentdeck/core";
import { Option } from "commander";
import { UsageError } from "../cli-errors.ts";
import { command, group } from "../command-spec.ts";
import { unlessFateUnknown } from "../may-have-acted.ts";
import { poolView } from "../views/pool.ts";
import { listParams, orgOption, type PagingOptions, pagingOptions, printListing } from "./list-options.ts";

type PoolFields = { strategy?: SelectionStrategy; concurrent?: boolean };

const strategyOption = () =>
  new Option("--strategy <strategy>", "how the pool picks a free profile").choices(SELECTION_STRATEGIES);

const list = command({
  usage: "list",
  summary: "list agent profile pools",
  examples: [
    "agentdeck pools list",
    "agentdeck pools list --search checkout --sort updated_at --order desc",
    "agentdeck pools list --all --json | jq -r .name   # every pool, one JSON object a line",
    "agentdeck pools list --quiet | xargs -n1 agentdeck pools get",
  ],
  options: (c) =>
    orgOption(
      pagingOptions(c, POOL_SORT_FIELDS).option("--search <text>", "only names containing this"),
      "to list",
    ),
  async run(session, _args, options) {
    const o = options as PagingOptions;
    const client = await session.client();
    const params = (await listParams(session, o)) as Parameters<typeof client.pools.list>[0];
    await printListing(
      session,
      o,
      {
        page: (signal) => client.pools.list(params, { signal }),
        all: (signal) => client.pools.listAll({ pageSize: 100, ...params }, { signal }),
      },
      poolView,
    );
  },
});

const get = command({
  usage: "get <pool-id>",
  summary: "show one pool",
  examples: [
    "agentdeck pools get 9b2e4c6a-1d3f-4a5b-8c7d-2e4f6a8b0c1d",
    "agentdeck pools get $ID --json | jq .selectionStrategy",
  ],
  async run(session, [poolId]) {
    const client = await session.client();
    await session.out.item(await client.pools.get(poolId as string, { signal: session.signal }), poolView);
  },
});

const create = command({
  usage: "create <name>",
  summary: "create a pool",
  description:
    "Create an agent profile pool. Its profiles are added in Asteroid's app. A create that fails without an answer is never sent again: agentdeck says how to check whether it was made.",
  examples: [
    'agentdeck pools create "Checkout bots"',
    'agentdeck pools create "Checkout bots" --strategy most_recently_used --concurrent --org $ORG',
    'id=$(agentdeck pools create "Nightly" --quiet)',
  ],
  options: (c) =>
    orgOption(
      c.addOption(strategyOption()).option("--concurrent", "let several executions use one profile at once"),
      "to create it in",
    ),
  async run(session, [name], options) {
    const o = options as PoolFields & { org?: string };
    const client = await session.client();
    const organizationId = await session.requireOrganization(o.org);
    const body = {
      name: name as string,
      organizationId,
      ...(o.strategy === undefined ? {} : { selectionStrategy: o.strategy }),
      ...(o.concurrent === undefined ? {} : { allowConcurrentUse: o.concurrent }),
    };
    const pool = await unlessFateUnknown(
      client.pools.create(body, { signal: session.signal }),
      `The pool may have been created all the same: check with agentdeck pools list --search ${JSON.stringify(name)} before creating it again.`,
    );
    await session.out.item(pool, poolView);
  },
});

const update = command({
  usage: "update <pool-id>",
  summary: "change a pool's name, strategy or concurrency",
  examples: [
    'agentdeck pools update $ID --name "Checkout bots (EU)"',
    "agentdeck pools update $ID --strategy least_recently_used --no-concurrent",
  ],
  options: (c) =>
    c
      .option("--name <name>", "the new name")
      .addOption(strategyOption())
      .option("--concurrent", "let several executions use one profile at once")
      .option("--no-concurrent", "one execution a profile at a time"),
  async run(session, [poolId], options) {
    const o = options as PoolFields & { name?: string };
    const patch = {
      ...(o.name === undefined ? {} : { name: o.name }),
      ...(o.strategy === undefined ? {} : { selectionStrategy: o.strategy }),
      ...(o.concurrent === undefined ? {} : { allowConcurrentUse: o.concurrent }),
    };
    if (Object.keys(patch).length === 0) {
      throw new UsageError("nothing to change: give --name, --strategy, --concurrent or --no-concurrent.");
    }
    const client = await session.client();
    const pool = await unlessFateUnknown(
      client.pools.update(poolId as string, patch, { signal: session.signal }),
      `The change may have been made all the same: check with agentdeck pools get ${poolId}.`,
    );
    await session.out.item(pool, poolView);
  },
});

/** `agentdeck pools …` */
export const pools = group("pools", "agent profile pools: list, get, create, update", [
  list,
  get,
  create,
  update,
]);
