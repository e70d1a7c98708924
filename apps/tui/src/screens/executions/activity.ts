import { ACTIVITY_TYPES, type ActivityPayload, type KnownActivityPayload } from "@agentdeck/core";
import { formatDuration, formatValue } from "../../common/format.ts";

/** One line of the activity feed: a short label for its kind and what happened. */
export type ActivityLine = { readonly label: string; readonly text: string };

function isKnown(payload: ActivityPayload): payload is KnownActivityPayload {
  return (ACTIVITY_TYPES as readonly string[]).includes(payload.activityType);
}

/** How one activity reads in the feed. An activity type this version does not know still shows, by its type. */
export function describeActivity(payload: ActivityPayload): ActivityLine {
  if (!isKnown(payload)) return { label: payload.activityType, text: "" };
  const p = payload;
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
      return { label: "status", text: reason ? `${p.status}: ${reason}` : p.status };
    }
    case "action_started":
      return { label: "action", text: `${p.actionName}: ${p.message}` };
    case "action_completed":
      return {
        label: "action",
        text: `${p.actionName} done${p.duration === undefined ? "" : ` in ${formatDuration(p.duration)}`}: ${p.message}`,
      };
    case "action_failed":
      return { label: "failed", text: `${p.actionName} failed: ${p.message}` };
    case "user_message_received":
      return { label: "you", text: p.message };
    case "transitioned_node":
      return { label: "node", text: `→ ${p.newNodeName} (${p.newNodeType})` };
    case "file_added":
      return { label: "file", text: `${p.fileName} (${p.mimeType}, ${p.fileSize} bytes, ${p.source})` };
    case "workflow_updated":
      return { label: "workflow", text: `workflow updated (${p.workflowUpdate.length} changes)` };
    case "playwright_script_generated":
      return { label: "script", text: `script generated for ${p.nodeName}` };
    default: {
      const other: { activityType: string } = p;
      return { label: other.activityType, text: formatValue(other) };
    }
  }
}
