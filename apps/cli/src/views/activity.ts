import { ACTIVITY_TYPES, type ExecutionActivity, type KnownActivityPayload } from "@agentdeck/core";
import { formatDuration } from "../duration.ts";
import type { Style } from "../output/colour.ts";
import { statusStyle } from "../output/colour.ts";
import type { View } from "../output/view.ts";
import { compactJson } from "./time.ts";

/** What one activity says: a short label for its kind, the text, and a style for the label. */
export type ActivityLine = { readonly label: string; readonly text: string; readonly style?: Style };

/** How one activity reads. A type this version does not know still shows, by its type and fields. */
export function describeActivity(activity: ExecutionActivity): ActivityLine {
  const payload = activity.payload;
  if (!(ACTIVITY_TYPES as readonly string[]).includes(payload.activityType)) {
    const { activityType, ...rest } = payload as { activityType: string };
    return { label: activityType, text: compactJson(rest) };
  }
  const p = payload as KnownActivityPayload;
  switch (p.activityType) {
    case "step_started":
      return { label: "step", text: `step ${p.stepNumber} started` };
    case "step_completed":
      return { label: "step", text: `step ${p.stepNumber} completed` };
    case "reasoning":
      return { label: "thinks", text: p.reasoning };
    case "generic":
      return { label: "info", text: p.message };
    case "terminal":
      return { label: "end", text: [p.reason, p.message].filter(Boolean).join(": ") };
    case "status_changed": {
      const reason =
        p.failedPayload?.reason ??
        p.cancelledPayload?.reason ??
        p.pausedPayload?.reason ??
        p.awaitingConfirmationPayload?.reason ??
        p.completedPayload?.outcome;
      const style = statusStyle(p.status);
      return {
        label: "status",
        text: reason ? `${p.status}: ${reason}` : p.status,
        ...(style ? { style } : {}),
      };
    }
    case "action_started":
      return { label: "action", text: `${p.actionName}: ${p.message}` };
    case "action_completed":
      return {
        label: "action",
        text: `${p.actionName} done${p.duration === undefined ? "" : ` in ${formatDuration(p.duration)}`}: ${p.message}`,
      };
    case "action_failed":
      return { label: "failed", text: `${p.actionName} failed: ${p.message}`, style: "red" };
    case "user_message_received":
      return { label: "message", text: p.message };
    case "transitioned_node":
      return { label: "node", text: `→ ${p.newNodeName} (${p.newNodeType})` };
    case "file_added":
      return { label: "file", text: `${p.fileName} (${p.mimeType}, ${p.fileSize} bytes, ${p.source})` };
    case "workflow_updated":
      return { label: "workflow", text: `workflow updated (${p.workflowUpdate.length} changes)` };
    case "playwright_script_generated":
      return { label: "script", text: `script generated for ${p.nodeName}` };
  }
}

/** The clock time of an activity, `HH:MM:SS` UTC. */
export function activityClock(activity: ExecutionActivity): string {
  const date = new Date(activity.timestamp);
  return Number.isNaN(date.getTime()) ? activity.timestamp : date.toISOString().slice(11, 19);
}

/** How an activity is printed in a list (`executions activities`, `--follow`). */
export const activityView: View<ExecutionActivity> = {
  noun: "activity",
  nouns: "activities",
  id: (activity) => activity.id,
  columns: [
    { header: "TIME", cell: activityClock },
    { header: "KIND", cell: (a) => describeActivity(a).label, style: (a) => describeActivity(a).style },
    { header: "WHAT", cell: (a) => describeActivity(a).text, flex: true },
  ],
  fields: (a) => [
    ["id", a.id],
    ["time", a.timestamp],
    ["kind", describeActivity(a).label],
    ["what", describeActivity(a).text],
  ],
};
