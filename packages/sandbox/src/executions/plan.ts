import type { ActionName, KnownActivityPayload } from "@agentdeck/core";
import type { Random } from "../random.ts";

/**
 * Inputs that steer a run, so a demo or a test can reach every status without a real browser:
 * `{"fail": true}` fails in the second step (the first when there is one), `{"awaitConfirmation": true}`
 * and `{"pauseByAgent": true}` stop after the first step until someone sets the status to `running`,
 * and `{"steps": n}` (1 to 10) sets the number of steps, otherwise 2 to 4.
 */
export interface RunInputs {
  fail?: unknown;
  awaitConfirmation?: unknown;
  pauseByAgent?: unknown;
  steps?: unknown;
}

/** Steps a demo run takes, each under one of the vendor's action names (`ACTION_NAMES` in core). */
const ACTIONS = [
  { actionName: "nav_to", started: "Opening the sign-in page", done: "Opened the sign-in page" },
  { actionName: "element_type", started: "Typing the account email", done: "Typed the account email" },
  { actionName: "element_click", started: 'Clicking "Continue"', done: 'Clicked "Continue"' },
  {
    actionName: "element_get_text",
    started: "Reading the results table",
    done: "Read 12 rows from the results table",
  },
  {
    actionName: "file_download",
    started: "Downloading the latest statement",
    done: "Downloaded statement.pdf",
  },
  {
    actionName: "coord_scroll",
    started: "Scrolling to the order history",
    done: "Scrolled to the order history",
  },
  { actionName: "element_select", started: 'Choosing "Last 30 days"', done: 'Chose "Last 30 days"' },
] as const satisfies readonly { actionName: ActionName; started: string; done: string }[];

const THOUGHTS = [
  "The page has loaded; the form I need is visible.",
  "I am signed in, so I can go straight to the list.",
  "The filter is set; the table now shows what the task asks for.",
  "Nothing else on this page is relevant; moving on.",
  "The data matches the inputs, so this step is done.",
] as const;

/**
 * The activities an execution will go through after it is created, in order. A `status_changed`
 * activity also moves the execution to that status; the runner stops at any status other than running.
 */
export function buildPlan(
  agentName: string,
  inputs: Record<string, unknown>,
  random: Random,
): KnownActivityPayload[] {
  const run = inputs as RunInputs;
  const steps = isStepCount(run.steps) ? run.steps : 2 + random.int(3);
  const failAt = run.fail === true ? Math.min(2, steps) : 0;
  const plan: KnownActivityPayload[] = [
    { activityType: "status_changed", status: "running" },
    { activityType: "generic", message: `Started a browser session for ${agentName}` },
  ];
  for (let step = 1; step <= steps; step++) {
    const action = random.pick(ACTIONS);
    const actionId = random.uuid();
    plan.push(
      { activityType: "step_started", stepNumber: step },
      { activityType: "reasoning", reasoning: random.pick(THOUGHTS) },
      { activityType: "action_started", actionId, actionName: action.actionName, message: action.started },
    );
    if (step === failAt) {
      const reason = `the page did not respond during ${action.actionName} (the inputs asked for a failure)`;
      plan.push(
        {
          activityType: "action_failed",
          actionId,
          actionName: action.actionName,
          message: `${action.started} failed`,
          duration: 800 + random.int(2000),
        },
        { activityType: "status_changed", status: "failed", failedPayload: { reason } },
      );
      return plan;
    }
    plan.push(
      {
        activityType: "action_completed",
        actionId,
        actionName: action.actionName,
        message: action.done,
        duration: 200 + random.int(1500),
      },
      { activityType: "step_completed", stepNumber: step },
    );
    if (step === 1 && run.awaitConfirmation === true) {
      plan.push({
        activityType: "status_changed",
        status: "awaiting_confirmation",
        awaitingConfirmationPayload: {
          reason: "About to submit the form; set the status to running to confirm",
        },
      });
    }
    if (step === 1 && run.pauseByAgent === true) {
      plan.push({
        activityType: "status_changed",
        status: "paused_by_agent",
        pausedPayload: { reason: "Waiting for a one-time code; set the status to running to continue" },
      });
    }
  }
  plan.push({
    activityType: "status_changed",
    status: "completed",
    completedPayload: {
      outcome: "success",
      reasoning: `${agentName} finished all ${steps} steps and the results match the inputs.`,
      result: { inputs, stepsCompleted: steps },
    },
  });
  return plan;
}

function isStepCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10;
}
