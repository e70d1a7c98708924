import {
  type ActivityDescription,
  describeActivity as describe,
  type ExecutionActivity,
  type KnownActivityPayload,
} from "@agentdeck/core";
import type { Style } from "../output/colour.ts";
import { statusStyle } from "../output/colour.ts";
import type { View } from "../output/view.ts";

/** What one activity says (core's `describeActivity`), and a style for its label. */
export type ActivityLine = ActivityDescription & { readonly style?: Style };

/** How one activity reads, its label coloured by what it says: a status by its own colour, a failed action red. */
export function describeActivity(activity: ExecutionActivity): ActivityLine {
  const payload = activity.payload as KnownActivityPayload;
  const line = describe(payload);
  const style =
    payload.activityType === "status_changed"
      ? statusStyle(payload.status)
      : payload.activityType === "action_failed"
        ? "red"
        : undefined;
  return style ? { ...line, style } : line;
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
