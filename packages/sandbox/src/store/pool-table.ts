import type { AgentProfilePool, PoolSortField, SelectionStrategy, SortDirection } from "@agentdeck/core";
import { conflict, notFound } from "../sandbox-error.ts";
import { SortedIndex } from "./sorted-index.ts";

/** What `store.addPool` takes: a name, and anything else you want to pin. */
export interface PoolInput {
  id?: string;
  name: string;
  organizationId?: string;
  selectionStrategy?: SelectionStrategy;
  allowConcurrentUse?: boolean;
  createdAt?: string;
  updatedAt?: string;
}

/** An agent profile in a pool. The API never lists profiles; executions name the one they used. */
export interface AgentProfile {
  id: string;
  name: string;
  poolId: string;
  /** Order of the last execution that used it (0: never), for the selection strategies. */
  lastUsedSeq: number;
  /** Order of creation, to break ties between profiles used equally long ago. */
  createdSeq: number;
}

export interface PoolQuery {
  organizationId?: string;
  searchName?: string;
  sortField: PoolSortField;
  sortDirection: SortDirection;
  page: number;
  pageSize: number;
}

interface PoolDefaults {
  uuid: () => string;
  now: () => number;
  organizationId: () => string;
}

/** A pool for `addMany`: times may come as epoch milliseconds, which saves parsing 200,000 dates. */
export type BulkPoolInput = PoolInput & {
  createdMs?: number;
  updatedMs?: number;
  lazyProfiles?: ProfileFactory;
};

/** Makes a pool's profiles the first time they are needed. */
export type ProfileFactory = (pool: AgentProfilePool) => { id: string; name: string }[];

interface PoolEntry {
  pool: AgentProfilePool;
  /** Profiles not made yet: generated pools get theirs on first use, so 100,000 pools start fast. */
  lazyProfiles?: ProfileFactory | undefined;
  /** Lowercased name: what search and the name order use. */
  nameKey: string;
  createdMs: number;
  updatedMs: number;
}

const byId = (a: PoolEntry, b: PoolEntry) => (a.pool.id < b.pool.id ? -1 : a.pool.id > b.pool.id ? 1 : 0);
const byKey = <K extends "nameKey" | "createdMs" | "updatedMs">(key: K) => {
  return (a: PoolEntry, b: PoolEntry) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : byId(a, b));
};

type Indexes = Record<PoolSortField, SortedIndex<PoolEntry>>;

function newIndexes(): Indexes {
  return {
    name: new SortedIndex(byKey("nameKey")),
    created_at: new SortedIndex(byKey("createdMs")),
    updated_at: new SortedIndex(byKey("updatedMs")),
  };
}

/** Pools and their profiles, indexed by name, creation and update time so every list is a slice. */
export class PoolTable {
  readonly #entries = new Map<string, PoolEntry>();
  /** `organizationId + NUL + name` → pool id: names are unique within an organization. */
  readonly #names = new Map<string, string>();
  readonly #indexes = newIndexes();
  /** The same indexes per organization: a client that names its organization (all do) gets a slice too. */
  readonly #byOrganization = new Map<string, Indexes>();
  /** Bumped by every change, so a remembered search is never served stale. */
  #version = 0;
  /** The last name search: paging through its results is then a slice, not another scan. */
  #lastSearch:
    | { entries: readonly PoolEntry[]; needle: string; version: number; matches: PoolEntry[] }
    | undefined;
  readonly #profiles = new Map<string, AgentProfile>();
  readonly #profilesByPool = new Map<string, AgentProfile[]>();
  #profileSeq = 0;
  #useSeq = 0;

  readonly #defaults: PoolDefaults;

  constructor(defaults: PoolDefaults) {
    this.#defaults = defaults;
  }

  /** Bumped by every change to the pools: what a cached answer of theirs is keyed by. */
  get version(): number {
    return this.#version;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(id: string): AgentProfilePool | undefined {
    return this.#entries.get(id)?.pool;
  }

  add(input: PoolInput): AgentProfilePool {
    const entry = this.#entry(input);
    this.#claimName(entry.pool);
    this.#entries.set(entry.pool.id, entry);
    for (const index of this.#indexesOf(entry)) index.insert(entry);
    this.#version++;
    return entry.pool;
  }

  /** Adds many pools at once, sorting each index once: how 100,000 demo pools start quickly. */
  addMany(inputs: readonly BulkPoolInput[]): void {
    for (const input of inputs) {
      const entry = this.#entry(input);
      entry.lazyProfiles = input.lazyProfiles;
      this.#claimName(entry.pool);
      this.#entries.set(entry.pool.id, entry);
    }
    const all = [...this.#entries.values()];
    for (const index of Object.values(this.#indexes)) index.load(all);
    const byOrganization = Map.groupBy(all, (entry) => entry.pool.organizationId);
    for (const [organizationId, entries] of byOrganization) {
      for (const index of Object.values(this.#organizationIndexes(organizationId))) index.load(entries);
    }
    this.#version++;
  }

  /** Changes the given fields; when none differs, the pool (and its updatedAt) stays as it was. */
  update(
    id: string,
    patch: { name?: string; selectionStrategy?: SelectionStrategy; allowConcurrentUse?: boolean },
  ): AgentProfilePool {
    const old = this.#entries.get(id);
    if (old === undefined) throw notFound(`agent profile pool ${id} not found`);
    const changes = definedOnly(patch);
    if (Object.entries(changes).every(([key, value]) => old.pool[key as keyof AgentProfilePool] === value)) {
      return old.pool;
    }
    const renamed = patch.name !== undefined && patch.name !== old.pool.name;
    if (renamed) this.#checkNameFree(old.pool.organizationId, patch.name as string);
    const updatedMs = Math.max(this.#defaults.now(), old.updatedMs + 1);
    const pool: AgentProfilePool = {
      ...old.pool,
      ...changes,
      updatedAt: new Date(updatedMs).toISOString(),
    };
    const entry: PoolEntry = {
      pool,
      nameKey: pool.name.toLowerCase(),
      createdMs: old.createdMs,
      updatedMs,
      lazyProfiles: old.lazyProfiles,
    };
    if (renamed) {
      this.#names.delete(nameKey(old.pool));
      this.#names.set(nameKey(pool), pool.id);
    }
    for (const index of this.#indexesOf(old)) {
      index.remove(old);
      index.insert(entry);
    }
    this.#entries.set(id, entry);
    this.#version++;
    return pool;
  }

  list(query: PoolQuery): { items: AgentProfilePool[]; total: number } {
    const { organizationId, sortField } = query;
    const indexed =
      organizationId === undefined
        ? this.#indexes[sortField].items
        : (this.#byOrganization.get(organizationId)?.[sortField].items ?? []);
    const needle = query.searchName?.toLowerCase() ?? "";
    const entries = needle === "" ? indexed : this.#search(indexed, needle);
    const start = (query.page - 1) * query.pageSize;
    const end = Math.min(start + query.pageSize, entries.length);
    const descending = query.sortDirection === "desc";
    const items: AgentProfilePool[] = [];
    for (let i = start; i < end; i++) {
      items.push((entries[descending ? entries.length - 1 - i : i] as PoolEntry).pool);
    }
    return { items, total: entries.length };
  }

  /** The entries whose name contains `needle`, in index order; the last search is remembered. */
  #search(entries: readonly PoolEntry[], needle: string): readonly PoolEntry[] {
    const last = this.#lastSearch;
    if (last?.entries === entries && last.needle === needle && last.version === this.#version) {
      return last.matches;
    }
    const matches = entries.filter((entry) => entry.nameKey.includes(needle));
    this.#lastSearch = { entries, needle, version: this.#version, matches };
    return matches;
  }

  addProfile(poolId: string, input: { id?: string; name: string }): AgentProfile {
    if (!this.#entries.has(poolId)) throw notFound(`agent profile pool ${poolId} not found`);
    const id = (input.id ?? this.#defaults.uuid()).toLowerCase();
    if (this.#profiles.has(id)) throw conflict(`an agent profile with id ${id} already exists`);
    const profile: AgentProfile = {
      id,
      name: input.name,
      poolId,
      lastUsedSeq: 0,
      createdSeq: ++this.#profileSeq,
    };
    this.#profiles.set(id, profile);
    const inPool = this.#profilesByPool.get(poolId);
    if (inPool === undefined) this.#profilesByPool.set(poolId, [profile]);
    else inPool.push(profile);
    return profile;
  }

  /** Records that an execution just took `profile`, for the selection strategies. */
  markUsed(profile: AgentProfile): void {
    profile.lastUsedSeq = ++this.#useSeq;
  }

  getProfile(id: string): AgentProfile | undefined {
    return this.#profiles.get(id);
  }

  profilesOf(poolId: string): readonly AgentProfile[] {
    const entry = this.#entries.get(poolId);
    const make = entry?.lazyProfiles;
    if (entry !== undefined && make !== undefined) {
      entry.lazyProfiles = undefined;
      for (const profile of make(entry.pool)) this.addProfile(poolId, profile);
    }
    return this.#profilesByPool.get(poolId) ?? [];
  }

  clear(): void {
    this.#entries.clear();
    this.#names.clear();
    for (const index of Object.values(this.#indexes)) index.clear();
    this.#byOrganization.clear();
    this.#lastSearch = undefined;
    this.#version++;
    this.#profiles.clear();
    this.#profilesByPool.clear();
    this.#profileSeq = 0;
    this.#useSeq = 0;
  }

  #entry(input: BulkPoolInput): PoolEntry {
    const createdMs =
      input.createdMs ?? (input.createdAt === undefined ? this.#defaults.now() : Date.parse(input.createdAt));
    const updatedMs =
      input.updatedMs ?? (input.updatedAt === undefined ? createdMs : Date.parse(input.updatedAt));
    if (Number.isNaN(createdMs) || Number.isNaN(updatedMs)) {
      throw new TypeError("createdAt and updatedAt must be ISO 8601 date-times");
    }
    const pool: AgentProfilePool = {
      id: (input.id ?? this.#defaults.uuid()).toLowerCase(),
      name: input.name,
      organizationId: input.organizationId ?? this.#defaults.organizationId(),
      selectionStrategy: input.selectionStrategy ?? "least_recently_used",
      allowConcurrentUse: input.allowConcurrentUse ?? false,
      createdAt: new Date(createdMs).toISOString(),
      updatedAt: new Date(updatedMs).toISOString(),
    };
    if (this.#entries.has(pool.id)) throw conflict(`an agent profile pool with id ${pool.id} already exists`);
    return { pool, nameKey: pool.name.toLowerCase(), createdMs, updatedMs };
  }

  #organizationIndexes(organizationId: string): Indexes {
    let indexes = this.#byOrganization.get(organizationId);
    if (indexes === undefined) {
      indexes = newIndexes();
      this.#byOrganization.set(organizationId, indexes);
    }
    return indexes;
  }

  /** Every index an entry is in: the global ones and its organization's. */
  #indexesOf(entry: PoolEntry): SortedIndex<PoolEntry>[] {
    return [
      ...Object.values(this.#indexes),
      ...Object.values(this.#organizationIndexes(entry.pool.organizationId)),
    ];
  }

  #checkNameFree(organizationId: string, name: string): void {
    if (this.#names.has(`${organizationId}\u0000${name}`)) {
      throw conflict(`a pool named "${name}" already exists in this organization; choose another name`);
    }
  }

  #claimName(pool: AgentProfilePool): void {
    this.#checkNameFree(pool.organizationId, pool.name);
    this.#names.set(nameKey(pool), pool.id);
  }
}

function nameKey(pool: AgentProfilePool): string {
  return `${pool.organizationId}\u0000${pool.name}`;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
