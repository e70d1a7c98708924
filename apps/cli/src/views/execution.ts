import { type Execution, formatDuration } from "@agentdeck/core";
import { statusStyle } from "../output/colour.ts";
import type { View } from "../output/view.ts";
import { compactJson, formatTime } from "./time.ts";

/** How an execution is printed. */
export const executionView: View<Execution> = {
  noun: "execution",
  nouns: "executions",
  id: (execution) => execution.id,
  columns: [
    { header: "ID", cell: (e) => e.id },
    { header: "AGENT", cell: (e) => e.agentName, flex: true },
    { header: "STATUS", cell: (e) => e.status, style: (e) => statusStyle(e.status) },
    { header: "OUTCOME", cell: (e) => e.executionResult?.outcome },
    { header: "CREATED", cell: (e) => formatTime(e.createdAt) },
  ],
  fields: (e) => [
    ["id", e.id],
    ["agent", `${e.agentName} (${e.agentId})`],
    ["status", e.status, statusStyle(e.status)],
    ["outcome", e.executionResult?.outcome],
    ["reasoning", e.executionResult?.reasoning],
    ["result", compactJson(e.executionResult?.result)],
    ["profile", e.agentProfileName ?? e.agentProfileId],
    ["created", formatTime(e.createdAt)],
    ["finished", formatTime(e.terminalAt)],
    ["duration", e.duration === undefined ? undefined : formatDuration(e.duration * 1000)],
    ["inputs", compactJson(e.inputs)],
    ["metadata", compactJson(e.metadata)],
    ["live view", e.browserLiveViewUrl ?? e.liveViewUrl],
    ["recording", e.browserRecordingUrl ?? e.recordingUrl],
  ],
};
