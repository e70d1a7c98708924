import { ACTIVITY_TYPES, type ActivityPayload, type KnownActivityPayload } from "../models/activity.ts";

/**
 * A duration in milliseconds in at most 8 characters: `850ms`, `12s`, `3m 05s`, `2h 03m`, `4d 07h`,
 * `3y 120d`, `>999999y`. Empty for a negative or non-finite value.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "";
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, "0")}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${String(minutes % 60).padStart(2, "0")}m`;
  const days = Math.floor(hours / 24);
  if (days < 1000) return `${days}d ${String(hours % 24).padStart(2, "0")}h`;
  const years = Math.floor(days / 365);
  if (years >= 1_000_000) return ">999999y";
  const long = `${years}y ${days % 365}d`;
  return long.length <= 8 ? long : `${years}y`;
}

/** What one activity says: a short label for its kind, and what happened, in one line. */
export type ActivityDescription = { readonly label: string; readonly text: string };

function isKnown(payload: ActivityPayload): payload is KnownActivityPayload {
  return (ACTIVITY_TYPES as readonly string[]).includes(payload.activityType);
}

/** The fields of a payload of a kind this version does not know, as compact JSON (none: empty). */
function otherFields(payload: { readonly activityType: string }): string {
  const { activityType: _, ...rest } = payload;
  return Object.keys(rest).length === 0 ? "" : JSON.stringify(rest);
}

/**
 * How one activity reads, as the TUI's feed and the CLI's `--follow` print it. Server text is
 * passed through as it is: sanitise it before it reaches a terminal. A kind this version does not
 * know still reads, by its type and its fields.
 */
export function describeActivity(payload: ActivityPayload): ActivityDescription {
  if (!isKnown(payload)) return { label: payload.activityType, text: otherFields(payload) };
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
    case "action_completed": {
      const took = p.duration === undefined ? "" : ` in ${formatDuration(p.duration)}`;
      return { label: "action", text: `${p.actionName} done${took}: ${p.message}` };
    }
    case "action_failed":
      return { label: "failed", text: `${p.actionName} failed: ${p.message}` };
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
    default: {
      const other: { activityType: string } = p;
      return { label: other.activityType, text: otherFields(other) };
    }
  }
}
