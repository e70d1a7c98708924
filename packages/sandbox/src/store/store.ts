import type {
  ExecuteRequest,
  Execution,
  KnownActivityPayload,
  Organization,
  UserContext,
} from "@agentdeck/core";
import { type ExecutionInput, ExecutionTable } from "../executions/execution-table.ts";
import { chooseProfile } from "../executions/profile-selection.ts";
import { createRandom, type Random } from "../random.ts";
import { badRequest, conflict, fileRouteError, notFound } from "../sandbox-error.ts";
import { type AgentInput, AgentTable } from "./agent-table.ts";
import { DEMO_EPOCH, demoIdentity, seedDemoData } from "./demo-data.ts";
import { DEFAULT_SIGNED_URL_TTL_SECONDS, type FilePart, FileTable } from "./file-table.ts";
import { IdempotencyLog } from "./idempotency-log.ts";
import { type AgentProfile, type PoolInput, PoolTable } from "./pool-table.ts";
import { type RegistryAgentInput, RegistryTable } from "./registry-table.ts";

export interface StoreOptions {
  /** Seed of the demo data and of every id the store makes. */
  seed: number;
  /** How many pools to generate (the first eight are the curated demo pools). */
  pools: number;
  /** Time between two steps of a running execution. */
  stepMs: number;
  /** How long a file's signed URL serves it; 15 minutes unless given. */
  signedUrlTtlSeconds?: number;
  now?: () => number;
}

/**
 * The sandbox's state, in memory: one organization and its user, pools and their profiles, agents,
 * executions, and the registry's agents. Tests and Pact provider states call its `add…` methods
 * in-process to set up what a request should find.
 */
export class SandboxStore {
  readonly pools: PoolTable;
  readonly agents: AgentTable;
  readonly executions: ExecutionTable;
  readonly registry: RegistryTable;
  readonly files: FileTable;
  readonly idempotency: IdempotencyLog;
  /** The registry account's PFID partition (characters 10 to 15 of every registry id). */
  readonly accountPartition: number;
  /** The registry environment new agents are registered in. */
  readonly environmentId: string;

  readonly #options: StoreOptions;
  readonly #now: () => number;
  readonly #organizations = new Map<string, Organization>();
  #user = { id: "", email: "" };
  #defaultOrganizationId = "";
  #random: Random;
  #origin = "http://127.0.0.1";

  constructor(options: StoreOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.idempotency = new IdempotencyLog({ now: this.#now });
    this.#random = createRandom(options.seed, "runtime");
    // Tables keep this forwarder; reset() swaps the generator behind it to replay the same ids.
    const random: Random = {
      next: () => this.#random.next(),
      int: (n) => this.#random.int(n),
      pick: (items) => this.#random.pick(items),
      uuid: () => this.#random.uuid(),
      registryId: (atMs, partition) => this.#random.registryId(atMs, partition),
    };
    // The account the registry token belongs to: every registry id carries its partition.
    const account = createRandom(options.seed, "account");
    this.accountPartition = account.int(2 ** 30);
    this.environmentId = account.registryId(DEMO_EPOCH, this.accountPartition);
    const uuid = random.uuid;
    const now = this.#now;
    const organizationId = () => this.#defaultOrganizationId;
    this.pools = new PoolTable({ uuid, now, organizationId });
    this.agents = new AgentTable({ uuid, now, organizationId, userId: () => this.#user.id });
    this.registry = new RegistryTable({
      registryId: (atMs) => random.registryId(atMs, this.accountPartition),
      now,
      partition: () => this.accountPartition,
      environmentId: () => this.environmentId,
    });
    this.files = new FileTable({
      uuid,
      now,
      origin: () => this.#origin,
      ttlSeconds: options.signedUrlTtlSeconds ?? DEFAULT_SIGNED_URL_TTL_SECONDS,
    });
    this.executions = new ExecutionTable({
      random,
      now,
      stepMs: options.stepMs,
      userId: () => this.#user.id,
      profileName: (id) => this.pools.getProfile(id)?.name,
      agent: (id) => this.agents.get(id),
    });
    this.reset();
  }

  /** The organization the demo data lives in, and the default for everything you add. */
  get organizationId(): string {
    return this.#defaultOrganizationId;
  }

  /** The user the demo API key belongs to. */
  get user(): { id: string; email: string } {
    return { ...this.#user };
  }

  /** `GET /context`: the key's user and every organization they belong to. */
  context(): UserContext {
    return {
      userId: this.#user.id,
      email: this.#user.email,
      organizations: [...this.#organizations.values()],
    };
  }

  /** Where the sandbox listens: signed file URLs point there. */
  setOrigin(origin: string): void {
    this.#origin = origin;
  }

  hasOrganization(id: string): boolean {
    return this.#organizations.has(id);
  }

  /** Another organization the user belongs to (pools can be created only in one of these). */
  addOrganization(input: { id?: string; name: string; role?: string }): Organization {
    const organization = {
      id: (input.id ?? this.#random.uuid()).toLowerCase(),
      name: input.name,
      role: input.role ?? "member",
    };
    this.#organizations.set(organization.id, organization);
    return organization;
  }

  addPool(input: PoolInput) {
    return this.pools.add(input);
  }

  addProfile(poolId: string, input: { id?: string; name: string }): AgentProfile {
    return this.pools.addProfile(poolId.toLowerCase(), input);
  }

  addAgent(input: AgentInput) {
    return this.agents.add(input);
  }

  addExecution(input: ExecutionInput): Execution {
    return this.executions.add(input);
  }

  addRegistryAgent(input: RegistryAgentInput) {
    return this.registry.add(input);
  }

  /** A risk profile registry agents may be created with; returns its id. */
  addRiskProfile(id?: string): string {
    return this.registry.addRiskProfile(id);
  }

  /**
   * `POST /agents/{agentId}/execute` once the body is valid: resolves the agent, the profile (the given
   * one, the one the pool's strategy picks, or with neither one of the agent's own) and the staged
   * files, and starts the run; each staged file is announced by a `file_added` activity.
   */
  execute(agentId: string, request: ExecuteRequest): Execution {
    const agent = this.agents.get(agentId);
    if (agent === undefined) throw notFound(`agent ${agentId} not found`);
    const organizationId = agent.agent.organizationId as string;
    const tempFiles = request.tempFiles ?? [];
    tempFiles.forEach((file, i) => {
      if (this.files.staged(file.id, organizationId) === undefined) {
        throw badRequest(
          `tempFiles[${i}].id: no staged file ${file.id} waits in this agent's organization; stage it with POST /temp-files/{organizationId} first`,
        );
      }
    });
    const profile = request.agentProfilePoolId
      ? this.#profileFromPool(request.agentProfilePoolId.toLowerCase())
      : request.agentProfileId
        ? this.#namedProfile(request.agentProfileId.toLowerCase())
        : this.#ownProfile(agent.profileIds);
    if (profile !== undefined) this.pools.markUsed(profile);
    const staged = tempFiles.map((file) => this.files.staged(file.id, organizationId));
    const execution = this.executions.run({
      agent,
      ...(profile === undefined ? {} : { profile }),
      inputs: request.inputs ?? request.dynamicData ?? {},
      ...(request.metadata === undefined ? {} : { metadata: request.metadata }),
      ...(request.executionOptions === undefined ? {} : { executionOptions: request.executionOptions }),
      ...(request.version === undefined ? {} : { version: request.version }),
      opening: staged.map((file) =>
        fileAdded(file as FileAddedSource, this.files.signedUrl((file as FileAddedSource).id)),
      ),
    });
    this.files.attach(
      tempFiles.map((file) => file.id),
      execution.id,
      agent.agent.id,
    );
    return execution;
  }

  /** `POST /executions/{id}/context-files`: the parts join the execution's context, each announced by `file_added`. */
  addExecutionFiles(executionId: string, parts: FilePart[]): void {
    const execution = this.executions.get(executionId) as Execution;
    this.executions.noteOnUnfinished(executionId, [], () =>
      fileRouteError(400, "Invalid file upload request."),
    );
    const files = this.files.add(execution.organizationId, executionId, execution.agentId, parts);
    this.executions.noteOnUnfinished(
      executionId,
      files.map((file) => fileAdded(file, this.files.signedUrl(file.id))),
      () => fileRouteError(400, "Invalid file upload request."),
    );
  }

  /** Back to the seeded demo data, as at start-up: ids, names and timestamps are the same again. */
  reset(): void {
    this.clear();
    this.#organizations.clear();
    this.#random = createRandom(this.#options.seed, "runtime");
    const demo = createRandom(this.#options.seed, "demo");
    const { user, organization } = demoIdentity(demo);
    this.#user = user;
    this.#organizations.set(organization.id, organization);
    this.#defaultOrganizationId = organization.id;
    seedDemoData(this, demo, { pools: this.#options.pools });
  }

  /** Everything empty except the organization and its user: for tests that build their own state. */
  clear(): void {
    this.executions.clear();
    this.pools.clear();
    this.agents.clear();
    this.registry.clear();
    this.files.clear();
    this.idempotency.clear();
  }

  /** Stops every execution timer. */
  close(): void {
    this.executions.close();
  }

  /** With neither a profile nor a pool: the agent's own profile used longest ago, or none when it has none. */
  #ownProfile(profileIds: string[]): AgentProfile | undefined {
    const profiles = profileIds.flatMap((id) => this.pools.getProfile(id) ?? []);
    const anyPool = { allowConcurrentUse: true, selectionStrategy: "least_recently_used" } as const;
    return chooseProfile(anyPool as never, profiles, () => false);
  }

  #profileFromPool(poolId: string): AgentProfile {
    const pool = this.pools.get(poolId);
    if (pool === undefined) throw notFound(`agent profile pool ${poolId} not found`);
    const profiles = this.pools.profilesOf(poolId);
    if (profiles.length === 0) {
      throw conflict(`agent profile pool "${pool.name}" has no agent profiles; add a profile to it first`);
    }
    const profile = chooseProfile(pool, profiles, (p) => this.executions.isBusy(p.id));
    if (profile === undefined) {
      throw conflict(
        `every agent profile in pool "${pool.name}" is in use by an unfinished execution and the pool does not allow concurrent use; wait for one to finish, cancel one, or set allowConcurrentUse`,
      );
    }
    return profile;
  }

  #namedProfile(profileId: string): AgentProfile {
    const profile = this.pools.getProfile(profileId);
    if (profile === undefined) throw notFound(`agent profile ${profileId} not found`);
    const pool = this.pools.get(profile.poolId);
    if (pool !== undefined && !pool.allowConcurrentUse && this.executions.isBusy(profile.id)) {
      throw conflict(
        `agent profile "${profile.name}" is in use by an unfinished execution and its pool does not allow concurrent use; wait for it to finish or cancel it`,
      );
    }
    return profile;
  }
}

type FileAddedSource = { id: string; name: string; mimeType: string; bytes: Uint8Array };

/** The `file_added` activity of a file the user gave the execution. */
function fileAdded(file: FileAddedSource, presignedUrl: string): KnownActivityPayload {
  return {
    activityType: "file_added",
    fileId: file.id,
    fileName: file.name,
    fileSize: file.bytes.byteLength,
    mimeType: file.mimeType,
    presignedUrl,
    source: "upload",
  };
}
