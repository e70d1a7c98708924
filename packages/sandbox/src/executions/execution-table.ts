import {
  type ActivityPayload,
  canRequestStatus,
  type Execution,
  type ExecutionActivity,
  type ExecutionListParams,
  type ExecutionOptions,
  type ExecutionResult,
  type ExecutionStatus,
  isTerminalStatus,
  type KnownActivityPayload,
  type Metadata,
  type SETTABLE_STATUSES,
  statusRefusal,
} from "@agentdeck/core";
import type { Random } from "../random.ts";
import { badRequest, notFound, SandboxError } from "../sandbox-error.ts";
import type { AgentRecord } from "../store/agent-table.ts";
import { paginate } from "../store/paginate.ts";
import type { AgentProfile } from "../store/pool-table.ts";
import { buildPlan } from "./plan.ts";

/** What `store.addExecution` takes: a snapshot in any status. It does not progress on its own. */
export interface ExecutionInput {
  id?: string;
  agentId: string;
  status?: ExecutionStatus;
  agentProfileId?: string;
  createdAt?: string;
  terminalAt?: string;
  inputs?: Record<string, unknown>;
  metadata?: Metadata;
  executionResult?: Pick<ExecutionResult, "outcome" | "reasoning" | "result">;
  /** Activities after the first `status_changed`, in order; spaced one second apart from `createdAt`. */
  activities?: ActivityPayload[];
}

/** A new run, as `POST /agents/{agentId}/execute` asks for it once the agent and profile are resolved. */
export interface RunRequest {
  agent: AgentRecord;
  profile?: AgentProfile;
  inputs?: Record<string, unknown>;
  metadata?: Metadata;
  executionOptions?: ExecutionOptions;
  version?: number;
  /** Activities recorded right after the execution is created, e.g. `file_added` for its staged files. */
  opening?: KnownActivityPayload[];
}

export type ExecutionQuery = Omit<ExecutionListParams, "page" | "pageSize" | "sortField" | "sortDirection"> &
  Required<Pick<ExecutionListParams, "page" | "pageSize" | "sortField" | "sortDirection">> & {
    /** Label ids; an execution matches when it carries any of them. */
    humanLabels?: string[];
  };

interface ExecutionRecord {
  execution: Execution;
  activities: ExecutionActivity[];
  /** Activities still to come; a `status_changed` one also moves the status. Empty: it never moves alone. */
  plan: KnownActivityPayload[];
  cursor: number;
  createdMs: number;
  profileId: string | undefined;
}

interface ExecutionDeps {
  random: Random;
  now: () => number;
  stepMs: number;
  userId: () => string;
  profileName: (profileId: string) => string | undefined;
  agent: (agentId: string) => AgentRecord | undefined;
}

/** Statuses in which an execution advances by itself, one planned activity every `stepMs`. */
const MOVING: ReadonlySet<string> = new Set(["starting", "running"]);

/**
 * Executions, their activities, and the timers that move them along. Every timer is unref'd, so a
 * forgotten sandbox never keeps a process alive, and `close()` clears them all.
 */
export class ExecutionTable {
  readonly #records = new Map<string, ExecutionRecord>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  /** Unfinished executions per profile: what makes a profile busy in a pool without concurrent use. */
  readonly #holders = new Map<string, number>();
  #closed = false;

  readonly #deps: ExecutionDeps;

  constructor(deps: ExecutionDeps) {
    this.#deps = deps;
  }

  get(id: string): Execution | undefined {
    return this.#records.get(id)?.execution;
  }

  isBusy(profileId: string): boolean {
    return (this.#holders.get(profileId) ?? 0) > 0;
  }

  /** Starts a run: `starting` now, then one planned activity every `stepMs`. */
  run(request: RunRequest, createdMs = this.#deps.now()): Execution {
    const inputs = request.inputs ?? {};
    const record = this.#create({
      agent: request.agent,
      profileId: request.profile?.id,
      createdMs,
      status: "starting",
      extra: {
        inputs,
        ...(request.metadata === undefined ? {} : { metadata: request.metadata }),
        ...(request.executionOptions === undefined ? {} : { executionOptions: request.executionOptions }),
        agentVersion: request.version ?? request.agent.version,
      },
    });
    for (const payload of request.opening ?? []) this.#note(record, payload, createdMs);
    record.plan = buildPlan(request.agent.agent.name, inputs, this.#deps.random);
    this.#schedule(record);
    return record.execution;
  }

  /** Adds a snapshot (see ExecutionInput); it changes only through the status and message routes. */
  add(input: ExecutionInput): Execution {
    const agent = this.#deps.agent(input.agentId.toLowerCase());
    if (agent === undefined)
      throw notFound(`agent ${input.agentId} not found; add it with store.addAgent first`);
    const activities = input.activities ?? [];
    // Without a creation time, the snapshot's activities end now rather than in the future.
    const createdMs =
      input.createdAt === undefined
        ? this.#deps.now() - (activities.length + 1) * 1000
        : Date.parse(input.createdAt);
    const record = this.#create({
      id: input.id,
      agent,
      profileId: input.agentProfileId?.toLowerCase(),
      createdMs,
      status: "starting",
      extra: {
        inputs: input.inputs ?? {},
        ...(input.metadata === undefined ? {} : { metadata: input.metadata }),
      },
    });
    const status = input.status ?? "running";
    const endMs =
      input.terminalAt === undefined
        ? createdMs + (activities.length + 1) * 1000
        : Date.parse(input.terminalAt);
    activities.forEach((payload, i) => {
      this.#note(record, payload, createdMs + (i + 1) * 1000);
    });
    if (status !== "starting") {
      this.#apply(record, statusPayload(status, input.executionResult), endMs);
    }
    const { executionResult } = record.execution;
    if (executionResult !== undefined && input.executionResult !== undefined) {
      Object.assign(executionResult, input.executionResult);
    }
    return record.execution;
  }

  /**
   * Plays up to `maxSteps` of a run's planned activities at `gapMs` intervals from its creation, for demo
   * data; with `keepMoving` it then carries on live.
   */
  fastForward(id: string, gapMs: number, maxSteps: number, keepMoving: boolean): void {
    const record = this.#records.get(id);
    if (record === undefined) return;
    this.#unschedule(id);
    let atMs = record.createdMs;
    for (let played = 0; played < maxSteps && record.cursor < record.plan.length; played++) {
      if (!MOVING.has(record.execution.status)) break;
      atMs += gapMs;
      this.#apply(record, record.plan[record.cursor++] as KnownActivityPayload, atMs);
    }
    if (keepMoving && MOVING.has(record.execution.status)) this.#schedule(record);
  }

  /**
   * `POST /executions/{id}/status`: pause, resume or cancel, along the documented status machine.
   * Asking for the current status changes nothing, so a retried request is harmless.
   */
  setStatus(id: string, to: (typeof SETTABLE_STATUSES)[number], atMs = this.#deps.now()): void {
    const record = this.#mustGet(id);
    const from = record.execution.status as ExecutionStatus;
    if (!canRequestStatus(from, to)) throw badRequest(statusRefusal(from, to));
    if (from === to) return;
    this.#unschedule(id);
    if (to === "paused") {
      this.#apply(
        record,
        { activityType: "status_changed", status: "paused", pausedPayload: { reason: "paused by the user" } },
        atMs,
      );
    } else if (to === "cancelled") {
      this.#apply(
        record,
        {
          activityType: "status_changed",
          status: "cancelled",
          cancelledPayload: { reason: "user_requested" },
        },
        atMs,
      );
    } else {
      const next = record.plan[record.cursor];
      if (next?.activityType === "status_changed" && next.status === "running") record.cursor++;
      this.#apply(record, { activityType: "status_changed", status: "running" }, atMs);
      this.#schedule(record);
    }
  }

  /** Records an activity on an unfinished execution, such as `file_added` for an upload; a finished one is refused with `refusal`. */
  noteOnUnfinished(id: string, payloads: KnownActivityPayload[], refusal: () => Error): void {
    const record = this.#mustGet(id);
    if (isTerminalStatus(record.execution.status)) throw refusal();
    for (const payload of payloads) this.#note(record, payload, this.#deps.now());
  }

  /** `POST /executions/{id}/user-messages`: recorded as a `user_message_received` activity. */
  addUserMessage(id: string, message: string): void {
    const record = this.#mustGet(id);
    if (isTerminalStatus(record.execution.status)) {
      throw badRequest(
        `execution ${id} has finished (${record.execution.status}); messages can only be sent to an unfinished execution`,
      );
    }
    this.#note(
      record,
      { activityType: "user_message_received", message, userUUID: this.#deps.userId() },
      this.#deps.now(),
    );
  }

  activities(id: string, order: "asc" | "desc", limit: number | undefined): ExecutionActivity[] {
    const all = this.#mustGet(id).activities;
    const ordered = order === "desc" ? [...all].reverse() : all;
    return limit === undefined ? [...ordered] : ordered.slice(0, limit);
  }

  list(query: ExecutionQuery): { items: Execution[]; total: number } {
    const statuses = query.status === undefined ? undefined : new Set<string>(query.status);
    const idNeedle = query.executionId?.toLowerCase();
    const outcomeNeedle = query.outcomeLabel?.toLowerCase();
    const after = query.createdAfter === undefined ? undefined : Date.parse(query.createdAfter);
    const before = query.createdBefore === undefined ? undefined : Date.parse(query.createdBefore);
    const labels = query.humanLabels === undefined ? undefined : new Set(query.humanLabels);
    const matching = [...this.#records.values()].filter(({ execution: e, createdMs }) => {
      if (statuses !== undefined && !statuses.has(e.status)) return false;
      if (query.agentId !== undefined && e.agentId !== query.agentId.toLowerCase()) return false;
      if (query.organizationId !== undefined && e.organizationId !== query.organizationId.toLowerCase())
        return false;
      if (idNeedle !== undefined && !e.id.includes(idNeedle)) return false;
      if (query.agentVersion !== undefined && e.agentVersion !== query.agentVersion) return false;
      if (after !== undefined && createdMs <= after) return false;
      if (before !== undefined && createdMs >= before) return false;
      if (outcomeNeedle !== undefined && !e.executionResult?.outcome.toLowerCase().includes(outcomeNeedle))
        return false;
      if (query.metadataKey !== undefined && !hasMetadata(e, query.metadataKey, query.metadataValue))
        return false;
      if (labels !== undefined && !e.humanLabels.some((label) => labels.has(label.id))) return false;
      return true;
    });
    const sign = query.sortDirection === "asc" ? 1 : -1;
    matching.sort((a, b) => {
      if (query.sortField === "status" && a.execution.status !== b.execution.status) {
        return sign * (a.execution.status < b.execution.status ? -1 : 1);
      }
      return sign * (a.createdMs - b.createdMs || (a.execution.id < b.execution.id ? -1 : 1));
    });
    return paginate(
      matching.map((r) => r.execution),
      query.page,
      query.pageSize,
    );
  }

  /** Clears every timer for good: nothing moves after this, even a run started by a late request. */
  close(): void {
    this.#closed = true;
    this.#stopTimers();
  }

  clear(): void {
    this.#stopTimers();
    this.#records.clear();
    this.#holders.clear();
  }

  #create(spec: {
    id?: string;
    agent: AgentRecord;
    profileId: string | undefined;
    createdMs: number;
    status: ExecutionStatus;
    extra: Partial<Execution>;
  }): ExecutionRecord {
    const id = (spec.id ?? this.#deps.random.uuid()).toLowerCase();
    if (this.#records.has(id)) throw new SandboxError(409, `an execution with id ${id} already exists`);
    const profileName = spec.profileId === undefined ? undefined : this.#deps.profileName(spec.profileId);
    const execution: Execution = {
      id,
      agentId: spec.agent.agent.id,
      agentName: spec.agent.agent.name,
      organizationId: spec.agent.agent.organizationId as string,
      workflowId: spec.agent.workflowId,
      status: spec.status,
      createdAt: new Date(spec.createdMs).toISOString(),
      comments: [],
      humanLabels: [],
      // Both vendor SDKs require these two on every execution.
      agentVersion: spec.agent.version,
      agentVersionDirty: false,
      hasBeenRerun: false,
      ...(spec.profileId === undefined ? {} : { agentProfileId: spec.profileId }),
      ...(profileName === undefined ? {} : { agentProfileName: profileName }),
      ...spec.extra,
    };
    const record: ExecutionRecord = {
      execution,
      activities: [],
      plan: [],
      cursor: 0,
      createdMs: spec.createdMs,
      profileId: spec.profileId,
    };
    this.#records.set(id, record);
    if (spec.profileId !== undefined)
      this.#holders.set(spec.profileId, (this.#holders.get(spec.profileId) ?? 0) + 1);
    this.#note(record, { activityType: "status_changed", status: spec.status }, spec.createdMs);
    return record;
  }

  /** Records an activity; a `status_changed` one also moves the execution, and a final one closes it. */
  #apply(record: ExecutionRecord, payload: KnownActivityPayload, atMs: number): void {
    this.#note(record, payload, atMs);
    if (payload.activityType !== "status_changed") return;
    const { execution } = record;
    execution.status = payload.status;
    if (!isTerminalStatus(payload.status)) return;
    const endMs = Math.max(atMs, record.createdMs);
    execution.terminalAt = new Date(endMs).toISOString();
    execution.duration = (endMs - record.createdMs) / 1000;
    const result = payload.completedPayload ?? failureResult(payload.failedPayload?.reason);
    if (result !== undefined) {
      execution.executionResult = {
        id: this.#deps.random.uuid(),
        executionId: execution.id,
        createdAt: execution.terminalAt,
        outcome: result.outcome,
        reasoning: result.reasoning,
        result: result.result,
      };
    }
    record.plan = [];
    record.cursor = 0;
    this.#unschedule(execution.id);
    if (record.profileId !== undefined) {
      const left = (this.#holders.get(record.profileId) ?? 1) - 1;
      if (left > 0) this.#holders.set(record.profileId, left);
      else this.#holders.delete(record.profileId);
    }
  }

  #note(record: ExecutionRecord, payload: ActivityPayload, atMs: number): void {
    record.activities.push({
      id: this.#deps.random.uuid(),
      executionId: record.execution.id,
      timestamp: new Date(atMs).toISOString(),
      payload,
    });
  }

  #stopTimers(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #schedule(record: ExecutionRecord): void {
    const { id } = record.execution;
    if (this.#closed || this.#timers.has(id) || record.cursor >= record.plan.length) return;
    const timer = setTimeout(() => this.#tick(id), this.#deps.stepMs);
    timer.unref();
    this.#timers.set(id, timer);
  }

  #unschedule(id: string): void {
    const timer = this.#timers.get(id);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.#timers.delete(id);
  }

  #tick(id: string): void {
    this.#timers.delete(id);
    const record = this.#records.get(id);
    if (record === undefined || !MOVING.has(record.execution.status)) return;
    const next = record.plan[record.cursor++];
    if (next === undefined) return;
    this.#apply(record, next, this.#deps.now());
    if (MOVING.has(record.execution.status)) this.#schedule(record);
  }

  #mustGet(id: string): ExecutionRecord {
    const record = this.#records.get(id);
    if (record === undefined) throw notFound(`execution ${id} not found`);
    return record;
  }
}

function hasMetadata(execution: Execution, key: string, value: string | undefined): boolean {
  const metadata = execution.metadata ?? {};
  return Object.hasOwn(metadata, key) && metadata[key] === value;
}

/** The `status_changed` payload that puts a snapshot in `status`, with a result for the final ones. */
function statusPayload(
  status: ExecutionStatus,
  result: ExecutionInput["executionResult"],
): KnownActivityPayload {
  switch (status) {
    case "completed":
      return {
        activityType: "status_changed",
        status,
        completedPayload: result ?? { outcome: "success", reasoning: "The task was completed.", result: {} },
      };
    case "failed":
      return {
        activityType: "status_changed",
        status,
        failedPayload: { reason: result?.reasoning ?? "the agent could not finish the task" },
      };
    case "cancelled":
      return { activityType: "status_changed", status, cancelledPayload: { reason: "user_requested" } };
    case "paused":
    case "paused_by_agent":
      return { activityType: "status_changed", status, pausedPayload: { reason: "paused" } };
    case "awaiting_confirmation":
      return {
        activityType: "status_changed",
        status,
        awaitingConfirmationPayload: { reason: "waiting for the user to confirm" },
      };
    default:
      return { activityType: "status_changed", status };
  }
}

function failureResult(reason: string | undefined) {
  if (reason === undefined) return undefined;
  return { outcome: "failure", reasoning: reason, result: { error: reason } };
}
