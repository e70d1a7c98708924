import {
  canRequestStatus,
  type Execution,
  type ExecutionActivity,
  isTerminalStatus,
  STATUS_MOVES,
} from "@agentdeck/core";
import type { Binding } from "../../keys/binding.ts";
import type { View, ViewContext } from "../../shell/viewStack.ts";
import { CONFIRM_VIEW } from "../confirmView.tsx";
import { JSON_VIEW, jsonOf } from "../jsonView.tsx";
import { PROMPT_VIEW } from "../promptView.tsx";
import { ExecutionMonitor } from "./ExecutionMonitor.tsx";
import { type FeedScroll, FOLLOWING, scrollFeed } from "./feedScroll.ts";
import { FILES_VIEW, filesOf } from "./filesView.tsx";

/** A check of the execution that failed; the watch goes on, and tries again at `retryAt`. */
export type WatchTrouble = {
  /** A few words on what failed (`503: busy`). */
  readonly reason: string;
  /** Failed checks in a row. */
  readonly failures: number;
  /** When the next check goes out (ms since the epoch). */
  readonly retryAt: number;
};

/** The monitor of one execution: what the last poll brought, and how the feed is scrolled. */
export type MonitorState = {
  readonly executionId: string;
  readonly execution: Execution | undefined;
  /** Oldest first. */
  readonly activities: readonly ExecutionActivity[];
  /** The last check failed and will be tried again: shown in the status line. */
  readonly trouble: WatchTrouble | undefined;
  /** Watching stopped on an error no retry cures (a 404, a refused key), until R. */
  readonly stopped: string | undefined;
  /** The run has ended and its final activities were read: nothing will change any more. */
  readonly settled: boolean;
  readonly scroll: FeedScroll;
  /** Bumped to poll at once (R, or after a pause, resume, cancel or message). */
  readonly pokes: number;
  /** Rows the feed had when last drawn, for scrolling. */
  readonly feedRows: number;
};

/** A monitor opening on execution `executionId`. */
export function monitorOf(executionId: string): MonitorState {
  return {
    executionId,
    execution: undefined,
    activities: [],
    trouble: undefined,
    stopped: undefined,
    settled: false,
    scroll: FOLLOWING,
    pokes: 0,
    feedRows: 1,
  };
}

type Context = ViewContext<MonitorState>;
type Move = keyof typeof STATUS_MOVES;

const VERB: Readonly<Record<Move, string>> = { paused: "paused", running: "resumed", cancelled: "cancelled" };

/**
 * Why the execution cannot be moved to `to` now, by core's status machine (the server has the
 * last word; this saves a round trip and says what would work).
 */
export function steerRefusal(execution: Execution | undefined, to: Move): string | undefined {
  if (execution === undefined) return "the execution has not loaded yet";
  const { status } = execution;
  if (isTerminalStatus(status)) return `the execution has ended (${status})`;
  if (status === to) return `it is already ${status}`;
  if (canRequestStatus(status, to)) return undefined;
  const from = STATUS_MOVES[to];
  const list = from.length === 1 ? `a ${from[0]}` : `a ${from.slice(0, -1).join(", ")} or ${from.at(-1)}`;
  return `only ${list} execution can be ${VERB[to]} (it is ${status})`;
}

function poke(context: Context): void {
  context.set((s) => ({ ...s, pokes: s.pokes + 1 }));
}

function steer(context: Context, to: Move): void {
  const { client } = context.session;
  const id = context.state.executionId;
  const call =
    to === "paused"
      ? client.executions.pause(id)
      : to === "running"
        ? client.executions.resume(id)
        : client.executions.cancel(id);
  const what = to === "paused" ? "pause" : to === "running" ? "resume" : "cancel";
  call.then(
    () => {
      context.report.info(`Asked to ${what} the execution.`);
      poke(context);
    },
    (error: unknown) => context.report.failed(error, `${what} the execution`),
  );
}

const scroll = (by: number) => (context: Context) =>
  context.set((s) => ({ ...s, scroll: scrollFeed(s.scroll, by, s.activities.length, s.feedRows) }));

const BINDINGS: readonly Binding<Context>[] = [
  {
    keys: ["p"],
    description: "pause the execution",
    hint: "pause",
    disabledReason: (c) => steerRefusal(c.state.execution, "paused"),
    handler: (c) => steer(c, "paused"),
  },
  {
    keys: ["r"],
    description: "resume the execution",
    hint: "resume",
    disabledReason: (c) => steerRefusal(c.state.execution, "running"),
    handler: (c) => steer(c, "running"),
  },
  {
    keys: ["c"],
    description: "cancel the execution (asks y/n)",
    hint: "cancel",
    disabledReason: (c) => steerRefusal(c.state.execution, "cancelled"),
    handler: (c) =>
      c.stack.push(CONFIRM_VIEW, { question: "Cancel this execution?", yes: () => steer(c, "cancelled") }),
  },
  {
    keys: ["m"],
    description: "send the agent a message",
    hint: "message",
    disabledReason: (c) =>
      c.state.execution !== undefined && isTerminalStatus(c.state.execution.status)
        ? `the execution has ended (${c.state.execution.status})`
        : undefined,
    handler: (c) =>
      c.stack.push(PROMPT_VIEW, {
        label: "Message",
        value: "",
        cursor: 0,
        sending: false,
        send: (text, prompt) =>
          c.session.client.executions.sendMessage(c.state.executionId, text).then(
            () => {
              c.report.info("Message sent.");
              poke(c);
            },
            (error: unknown) => {
              prompt.report.failed(error, "send the message", {
                ifActed:
                  "It may have reached the agent anyway: look for it in the feed before you send it again.",
              });
              throw error;
            },
          ),
      }),
  },
  {
    keys: ["f"],
    description: "the execution's files, to download",
    hint: "files",
    handler: (c) => c.stack.push(FILES_VIEW, filesOf(c.state.executionId)),
  },
  { keys: ["j", "down"], description: "scroll the activity feed down", handler: scroll(1) },
  { keys: ["k", "up"], description: "scroll the activity feed up", hint: "scroll", handler: scroll(-1) },
  {
    keys: ["G", "end"],
    description: "follow the newest activity",
    handler: (c) => c.set((s) => ({ ...s, scroll: FOLLOWING })),
  },
  {
    keys: ["g", "home"],
    description: "the oldest activity",
    handler: (c) => c.set((s) => ({ ...s, scroll: { follow: false, top: 0 } })),
  },
  {
    keys: ["v"],
    description: "view the whole execution, result included, as JSON",
    hint: "json",
    disabledReason: (c) => (c.state.execution === undefined ? "the execution has not loaded yet" : undefined),
    handler: (c) => {
      const { execution } = c.state;
      if (execution) c.stack.push(JSON_VIEW, jsonOf(`Execution ${execution.id}`, execution));
    },
  },
  {
    keys: ["y"],
    description: "copy the execution's id to the clipboard",
    handler: (c) => {
      c.session.copy(c.state.executionId);
      c.report.info(`Copied the id ${c.state.executionId} to the clipboard.`);
    },
  },
  { keys: ["R"], description: "poll now", hint: "refresh", retries: true, handler: poke },
  { keys: ["esc"], description: "back to the list", hint: "back", handler: (c) => c.stack.close(c.id) },
];

/** The execution monitor: status, the feed as it arrives, the result at the end; steer it from here. */
export const MONITOR_VIEW: View<MonitorState> = {
  title: "Execution monitor",
  api: "v2",
  bindings: () => BINDINGS,
  Render: ExecutionMonitor,
};
