import {
  ApiError,
  ConnectionError,
  type Execution,
  type ExecutionActivity,
  formatDuration,
  TimeoutError,
  UnreadableResponseError,
} from "@agentdeck/core";
import { EXIT, type ExitCode } from "../exit-codes.ts";
import { describeApiFailure } from "../failure.ts";
import { sanitize } from "../output/sanitize.ts";
import { clip, fit } from "../output/width.ts";
import type { Session } from "../session.ts";
import { activityClock, describeActivity } from "../views/activity.ts";
import { executionView } from "../views/execution.ts";
import { ActivityFollower } from "./follow.ts";
import { exitForStatus, resumeCommand } from "./outcome.ts";
import { Progress } from "./progress.ts";

/** How `run --wait`, `run --follow` and `executions watch` wait. */
export type WatchOptions = {
  /** Print activities as they arrive. */
  readonly follow: boolean;
  /** Give up waiting after this long (the run goes on). */
  readonly timeoutMs: number | undefined;
  readonly intervalMs: number;
  /** On Ctrl-C, cancel the execution instead of leaving it running. */
  readonly cancelOnInterrupt: boolean;
};

const LABEL_WIDTH = 8;

/** One activity as a line of the feed: `09:30:01  step     step 1 started`. */
function activityLine(session: Session, activity: ExecutionActivity): string {
  const { label, text, style } = describeActivity(activity);
  const head = `${activityClock(activity)}  ${session.out.paint(style, fit(sanitize(label), LABEL_WIDTH))}  `;
  const width = session.out.width;
  const body = sanitize(text);
  return head + (width === undefined ? body : clip(body, Math.max(10, width - 8 - 2 - LABEL_WIDTH - 2)));
}

/** What a failed poll got, in a word or two, for the progress line. */
function pollTrouble(error: unknown): string {
  if (error instanceof ApiError) return String(error.status);
  if (error instanceof ConnectionError) return error.code ?? "no connection";
  if (error instanceof TimeoutError) return "no answer";
  if (error instanceof UnreadableResponseError) return "unreadable answer";
  return "failed";
}

/** The last lines of a followed run: its status, outcome and reasoning. */
function summaryLines(session: Session, execution: Execution): string[] {
  const result = execution.executionResult;
  const status = session.out.paint(executionView.columns[2]?.style?.(execution), execution.status);
  const outcome = result ? `: ${sanitize(result.outcome)}` : "";
  const lines = [`execution ${execution.id} ${status}${outcome}`];
  if (result?.reasoning) lines.push(sanitize(result.reasoning));
  return lines;
}

/**
 * Waits for an execution to finish, and exits by how it ended. On a terminal a progress line on
 * stderr says where it is; with `follow`, its activities print as they arrive. Ctrl-C stops the
 * wait and says how to resume it; the run goes on unless `cancelOnInterrupt`. A wait that ends on
 * an error says the run may still be going, and how to pick it up.
 */
export async function watchExecution(
  session: Session,
  executionId: string,
  options: WatchOptions,
): Promise<ExitCode> {
  const client = await session.client();
  const out = session.out;
  const progress = new Progress(out);
  progress.set(`execution ${executionId} …`);
  let follower: ActivityFollower | undefined;
  if (options.follow) {
    follower = new ActivityFollower(
      client,
      executionId,
      // --quiet prints ids only: the feed stays silent and the execution's id comes at the end.
      (activity) =>
        out.mode === "quiet"
          ? Promise.resolve()
          : progress.around(() =>
              out.mode === "json" ? out.jsonLine(activity) : out.lines([activityLine(session, activity)]),
            ),
      (error) =>
        progress.around(() =>
          out.warn(`reading the activities failed (${describeApiFailure(error).message}); trying again`),
        ),
    );
    follower.start(options.intervalMs, session.signal);
  }
  let execution: Execution;
  let lastStatus = "unknown";
  try {
    execution = await client.executions.waitForResult(executionId, {
      signal: session.signal,
      pollIntervalMs: options.intervalMs,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      onUpdate: (update) => {
        lastStatus = update.status;
        progress.set(`execution ${executionId} ${update.status}`);
      },
      // A failed poll never ends the wait (core tries again after a backoff); on a terminal the
      // progress line says so until the next try. One no retry can cure rejects, below.
      onError: (error, { failures, retryInMs }) => {
        progress.note(
          `poll failed (${pollTrouble(error)}), ${failures} in a row; next in ${formatDuration(retryInMs)}`,
          retryInMs + options.intervalMs,
        );
      },
    });
    await follower?.flush(session.signal);
  } catch (error) {
    await follower?.flush(AbortSignal.abort());
    await progress.stop();
    if (session.signal.aborted) return interrupted(session, executionId, options);
    if (error instanceof TimeoutError && error.timeoutMs === options.timeoutMs) {
      await out.fail(
        `execution ${executionId} did not finish within --timeout ${formatDuration(error.timeoutMs)} (last status: ${sanitize(lastStatus)}); it goes on. Keep watching with: ${resumeCommand(executionId)}`,
      );
      return EXIT.timeout;
    }
    const failure = describeApiFailure(error);
    // Not found: there is no run to go back to. Anything else leaves it going, out of sight.
    await out.fail(
      failure.code === EXIT.notFound
        ? failure.message
        : `${failure.message} Execution ${executionId} may still be running: ${resumeCommand(executionId)} picks the wait up again.`,
    );
    return failure.code;
  }
  await progress.stop();
  if (!options.follow) await out.item(execution, executionView);
  else if (out.mode === "json") await out.jsonLine(execution);
  else if (out.mode === "quiet") await out.lines([execution.id]);
  else await out.lines(summaryLines(session, execution));
  return exitForStatus(execution.status);
}

/** Ctrl-C: the run goes on (or is cancelled when asked), and the user is told how to pick it up. */
async function interrupted(session: Session, executionId: string, options: WatchOptions): Promise<ExitCode> {
  if (!options.cancelOnInterrupt) {
    await session.out.fail(
      `stopped waiting; execution ${executionId} goes on. Watch it again with: ${resumeCommand(executionId)}`,
    );
    return EXIT.interrupted;
  }
  const client = await session.client();
  try {
    await client.executions.cancel(executionId, { timeoutMs: 15_000 });
  } catch (error) {
    await session.out.fail(
      `could not cancel execution ${executionId}: ${describeApiFailure(error).message} Cancel it with: agentdeck executions cancel ${executionId}`,
    );
    return EXIT.interrupted;
  }
  await session.out.fail(`cancelled execution ${executionId}.`);
  return EXIT.interrupted;
}
