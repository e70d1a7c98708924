import type { Organization, SelectionStrategy } from "@agentdeck/core";
import { createRandom, type Random } from "../random.ts";
import type { BulkPoolInput, ProfileFactory } from "./pool-table.ts";
import type { SandboxStore } from "./store.ts";

/** Demo timestamps count from here, so one seed always gives the same data, whatever the date. */
export const DEMO_EPOCH = Date.parse("2025-06-02T09:00:00.000Z");
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const ORGANIZATIONS = ["Acme Robotics", "Northwind Traders", "Globex Logistics", "Initech Finance"] as const;

const CURATED_POOLS = [
  "Billing portal (EU)",
  "Billing portal (US)",
  "Customer support desk",
  "Lead research",
  "Marketplace sellers",
  "Price monitoring",
  "QA staging users",
  "Travel bookings",
  "Payroll admins",
  "Shipping carriers",
  "Insurance quotes",
  "Utility accounts",
  "Vendor onboarding",
  "Tax filings",
  "Recruiting inboxes",
  "Social media managers",
] as const;

const ADJECTIVES = [
  "Amber",
  "Brisk",
  "Cobalt",
  "Dusty",
  "Eager",
  "Frosty",
  "Golden",
  "Hidden",
  "Ivory",
  "Jade",
] as const;
const NOUNS = [
  "accounts",
  "buyers",
  "carriers",
  "desks",
  "editors",
  "finance",
  "growth",
  "helpdesk",
  "inbox",
  "journeys",
] as const;

const AGENTS = [
  "Invoice Downloader",
  "Lead Enricher",
  "Price Watcher",
  "Support Triage",
  "Form Filler",
  "Flight Checker",
] as const;

/**
 * Demo executions: which agent, what the run was asked, and how far it got. `steps` plays that many
 * planned activities, `userAction` is a status change a user made after them; `live` keeps it moving.
 */
const EXECUTIONS: readonly {
  agent: number;
  inputs: Record<string, unknown>;
  steps?: number;
  userAction?: "paused" | "cancelled";
  live?: boolean;
}[] = [
  { agent: 0, inputs: { month: "2025-05", portal: "EU" } },
  { agent: 1, inputs: { company: "Northwind Traders", fields: ["industry", "size"] } },
  { agent: 2, inputs: { sku: "TX-1042", fail: true } },
  { agent: 3, inputs: { ticket: 4182 }, steps: 6, userAction: "cancelled" },
  { agent: 4, inputs: { form: "vendor-registration", steps: 3 } },
  { agent: 5, inputs: { flight: "LH 2034", date: "2025-06-14" }, steps: 5, userAction: "paused" },
  { agent: 0, inputs: { month: "2025-06", portal: "US", awaitConfirmation: true } },
  { agent: 1, inputs: { company: "Globex Logistics", pauseByAgent: true } },
  { agent: 2, inputs: { sku: "TX-2099" }, steps: 4, live: true },
  { agent: 3, inputs: { ticket: 4190, steps: 2 } },
];

/** The demo user and their organization, the first things drawn from the seed. */
export function demoIdentity(random: Random): {
  user: { id: string; email: string };
  organization: Organization;
} {
  const organization = { id: random.uuid(), name: random.pick(ORGANIZATIONS), role: "owner" };
  return { user: { id: random.uuid(), email: "demo@agentdeck.dev" }, organization };
}

/** Fills `store` with the demo data for one seed: pools and profiles, agents, executions, registry agents. */
export function seedDemoData(store: SandboxStore, random: Random, options: { pools: number }): void {
  const poolIds = seedPools(store, random, options.pools);
  // Each agent owns the profiles of one pool: what a run started with neither a profile nor a pool uses.
  const ownPool = (i: number) => poolIds[i % Math.max(poolIds.length, 1)];
  const agentIds = AGENTS.map((name, i) => {
    const pool = ownPool(i);
    const profileIds = pool === undefined ? [] : store.pools.profilesOf(pool).map((p) => p.id);
    return store.addAgent({
      id: random.uuid(),
      name,
      createdAt: iso(DEMO_EPOCH - (30 - i * 4) * DAY),
      profileIds,
    }).id;
  });
  seedExecutions(store, random, agentIds, poolIds);
  seedRegistry(store, random);
}

function seedPools(store: SandboxStore, random: Random, count: number): string[] {
  const curated = shuffle([...CURATED_POOLS], random).slice(0, Math.min(count, 8));
  const inputs: BulkPoolInput[] = [];
  for (let i = 0; i < count; i++) {
    const name =
      curated[i] ?? `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} ${String(i + 1).padStart(6, "0")}`;
    const createdMs = DEMO_EPOCH - (count - i) * MINUTE * 7;
    // Curated pools cycle through every strategy and concurrency mix (the seed decides which pool gets which).
    const curatedPool = i < curated.length;
    const strategy: SelectionStrategy = (curatedPool ? i % 2 === 0 : random.next() < 0.5)
      ? "least_recently_used"
      : "most_recently_used";
    inputs.push({
      id: random.uuid(),
      name,
      selectionStrategy: strategy,
      allowConcurrentUse: curatedPool ? i % 3 === 1 : random.next() < 0.4,
      createdMs,
      updatedMs: createdMs + random.int(5 * DAY),
      ...(curatedPool ? {} : { lazyProfiles: generatedProfiles }),
    });
  }
  store.pools.addMany(inputs);
  for (const input of inputs.slice(0, curated.length)) {
    const slug = slugOf(input.name);
    const profiles = 2 + random.int(3);
    for (let k = 1; k <= profiles; k++) {
      store.pools.addProfile(input.id as string, {
        id: random.uuid(),
        name: `${slug}-${String(k).padStart(2, "0")}`,
      });
    }
  }
  return inputs.slice(0, curated.length).map((input) => input.id as string);
}

function seedExecutions(store: SandboxStore, random: Random, agentIds: string[], poolIds: string[]): void {
  EXECUTIONS.forEach((spec, i) => {
    const agent = store.agents.get(agentIds[spec.agent] as string);
    if (agent === undefined) return;
    const poolId = poolIds[i % Math.max(poolIds.length, 1)];
    const profiles = poolId === undefined ? [] : store.pools.profilesOf(poolId);
    const profile = profiles[i % Math.max(profiles.length, 1)];
    const createdMs = DEMO_EPOCH - (EXECUTIONS.length - i) * 37 * MINUTE;
    if (profile !== undefined) store.pools.markUsed(profile);
    const execution = store.executions.run(
      { agent, ...(profile === undefined ? {} : { profile }), inputs: spec.inputs },
      createdMs,
    );
    const gapMs = 1500 + random.int(1500);
    store.executions.fastForward(
      execution.id,
      gapMs,
      spec.steps ?? Number.POSITIVE_INFINITY,
      spec.live === true,
    );
    if (spec.userAction !== undefined) {
      store.executions.setStatus(execution.id, spec.userAction, createdMs + ((spec.steps ?? 0) + 1) * gapMs);
    }
  });
}

function seedRegistry(store: SandboxStore, random: Random): void {
  const agents = [
    {
      name: "invoice-downloader",
      description: "Downloads monthly invoices from supplier portals",
      status: "active",
      counts: { active: 1, complete: 14, failed: 2 },
    },
    {
      name: "lead-enricher",
      description: "Adds company details to new CRM leads",
      status: "active",
      counts: { active: 2, complete: 40, cancelled: 3 },
    },
    {
      name: "price-watcher",
      description: "Tracks competitor prices every morning",
      status: "dormant",
      counts: { complete: 120, failed: 5, terminated: 1 },
    },
    {
      name: "support-triage",
      description: "Labels and routes incoming support tickets",
      status: "pending",
      counts: {},
    },
    { name: "legacy-scraper", description: null, status: "retired", counts: { complete: 8, failed: 4 } },
  ] as const;
  const partition = store.accountPartition;
  const riskProfiles = [
    store.addRiskProfile(random.registryId(DEMO_EPOCH - 40 * DAY, partition)),
    store.addRiskProfile(random.registryId(DEMO_EPOCH - 40 * DAY + 1, partition)),
  ];
  agents.forEach((agent, i) => {
    const insertedMs = DEMO_EPOCH - (20 - i * 3) * DAY;
    store.addRegistryAgent({
      risk_profile_id: riskProfiles[i] ?? null,
      id: random.registryId(insertedMs, partition),
      external_identifier: agent.name,
      name: agent.name,
      description: agent.description,
      status: agent.status,
      instance_counts: agent.counts,
      inserted_at: iso(insertedMs),
    });
  });
}

/** Two profiles for a generated pool, drawn from its id so they are the same whenever they are made. */
const generatedProfiles: ProfileFactory = (pool) => {
  const random = createRandom(0, pool.id);
  const slug = slugOf(pool.name);
  return [1, 2].map((k) => ({ id: random.uuid(), name: `${slug}-0${k}` }));
};

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
