import type { CallOptions, WaitForResultOptions } from "../call-options.ts";
import { fileForm } from "../file-form.ts";
import { ActivityList, type ExecutionActivity } from "../models/activity.ts";
import { Uuid } from "../models/common.ts";
import {
  ActivityListParams,
  Execution,
  ExecutionListParams,
  ExecutionPage,
  StatusUpdateRequest,
  UserMessageRequest,
} from "../models/execution.ts";
import { type ExecutionFile, ExecutionFileList, type FileInput } from "../models/files.ts";
import { listAllOf } from "../paginate.ts";
import { toQuery } from "../query.ts";
import { send, type Transport } from "../request.ts";
import { parseId, parseRequest } from "../validate.ts";
import { waitForResult } from "../wait-for-result.ts";

/** `client.executions`: runs of agents, their activity feeds, and steering them. */
export function executionsResource(transport: Transport) {
  const get = async (executionId: string, options?: CallOptions): Promise<Execution> => {
    const id = parseId(Uuid, executionId, "executionId");
    return send(
      transport,
      { api: "v2", method: "GET", path: `executions/${id}`, retry: "safe", response: Execution },
      options,
    );
  };

  const list = async (params: ExecutionListParams = {}, options?: CallOptions): Promise<ExecutionPage> => {
    const query = toQuery(parseRequest(ExecutionListParams, params, "execution list params"));
    return send(
      transport,
      { api: "v2", method: "GET", path: "executions", query, retry: "safe", response: ExecutionPage },
      options,
    );
  };

  // Setting a status is idempotent (pausing a paused run leaves it paused), so it is retried like a GET.
  const setStatus = async (
    executionId: string,
    status: StatusUpdateRequest["status"],
    options?: CallOptions,
  ) => {
    const id = parseId(Uuid, executionId, "executionId");
    const json = parseRequest(StatusUpdateRequest, { status }, "status update");
    return send(
      transport,
      {
        api: "v2",
        method: "POST",
        path: `executions/${id}/status`,
        body: json,
        retry: "safe",
        response: undefined,
      },
      options,
    );
  };

  return {
    /** One execution by id. */
    get,

    /** One page of executions; `status` takes several values (any of them matches). */
    list,

    /** Every execution across pages, fetching each next page while the current one is consumed. */
    listAll: listAllOf(ExecutionListParams, "execution list params", list),

    /** The execution's activity feed; an activity type this client does not know is kept whole. */
    async activities(
      executionId: string,
      params: ActivityListParams = {},
      options?: CallOptions,
    ): Promise<ExecutionActivity[]> {
      const id = parseId(Uuid, executionId, "executionId");
      const query = toQuery(parseRequest(ActivityListParams, params, "activity params"));
      return send(
        transport,
        {
          api: "v2",
          method: "GET",
          path: `executions/${id}/activities`,
          query,
          retry: "safe",
          response: ActivityList,
        },
        options,
      );
    },

    /** The files of the execution's context (uploaded and produced), each with a `signedUrl` to download it. */
    async files(executionId: string, options?: CallOptions): Promise<ExecutionFile[]> {
      const id = parseId(Uuid, executionId, "executionId");
      return send(
        transport,
        {
          api: "v2",
          method: "GET",
          path: `executions/${id}/context-files`,
          retry: "safe",
          response: ExecutionFileList,
        },
        options,
      );
    },

    /**
     * Adds files to a running execution (multipart `files`). Never retried once it may have reached the
     * server: a repeat would add every file a second time.
     */
    async uploadFiles(
      executionId: string,
      files: readonly FileInput[],
      options?: CallOptions,
    ): Promise<void> {
      const id = parseId(Uuid, executionId, "executionId");
      const form = fileForm(files);
      return send(
        transport,
        {
          api: "v2",
          method: "POST",
          path: `executions/${id}/context-files`,
          body: form,
          retry: "unsafe",
          response: undefined,
        },
        options,
      );
    },

    /** Pauses a running execution. */
    pause: (executionId: string, options?: CallOptions): Promise<void> =>
      setStatus(executionId, "paused", options),

    /** Resumes a paused execution. */
    resume: (executionId: string, options?: CallOptions): Promise<void> =>
      setStatus(executionId, "running", options),

    /** Cancels an execution for good. */
    cancel: (executionId: string, options?: CallOptions): Promise<void> =>
      setStatus(executionId, "cancelled", options),

    /** Sends a message to the running agent. Never retried once it may have reached the server: the agent would read it twice. */
    async sendMessage(executionId: string, text: string, options?: CallOptions): Promise<void> {
      const id = parseId(Uuid, executionId, "executionId");
      const json = parseRequest(UserMessageRequest, { message: text }, "user message");
      return send(
        transport,
        {
          api: "v2",
          method: "POST",
          path: `executions/${id}/user-messages`,
          body: json,
          retry: "unsafe",
          response: undefined,
        },
        options,
      );
    },

    /**
     * Polls until the execution finishes (completed with its result, cancelled or failed) and returns it.
     * Cancellable by `signal` (AbortError) and bounded by `timeoutMs` (TimeoutError).
     */
    async waitForResult(executionId: string, options?: WaitForResultOptions): Promise<Execution> {
      const id = parseId(Uuid, executionId, "executionId");
      return waitForResult(id, (signal) => get(id, { signal }), options);
    },
  };
}

/** `client.executions`. */
export type ExecutionsResource = ReturnType<typeof executionsResource>;
