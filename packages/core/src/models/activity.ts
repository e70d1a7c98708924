import * as z from "zod";
import { DateTime, openEnum, ResponseUuid } from "./common.ts";
import { EXECUTION_STATUSES } from "./execution.ts";

/** The 58 action names of the vendor's newest SDK: what `actionName` holds on action activities. */
export const ACTION_NAMES = [
  "element_click",
  "element_type",
  "element_select",
  "element_hover",
  "element_drag",
  "element_wait",
  "element_fill_form",
  "element_get_text",
  "element_file_upload",
  "coord_move",
  "coord_click",
  "coord_double_click",
  "coord_drag",
  "coord_scroll",
  "nav_to",
  "nav_back",
  "nav_refresh",
  "nav_tabs",
  "nav_close_browser",
  "nav_resize_browser",
  "nav_install_browser",
  "nav_zoom_in",
  "nav_zoom_out",
  "obs_snapshot",
  "obs_snapshot_with_selectors",
  "obs_screenshot",
  "obs_console_messages",
  "obs_network_requests",
  "obs_extract_html",
  "script_eval",
  "script_playwright",
  "script_playwright_llm_vars",
  "script_hybrid_playwright",
  "browser_press_key",
  "browser_handle_dialog",
  "browser_read_clipboard",
  "file_list",
  "file_read",
  "file_stage",
  "file_download",
  "file_pdf_save",
  "scratchpad_read",
  "scratchpad_write",
  "scriptpad_run_function",
  "scriptpad_search_replace",
  "scriptpad_read",
  "scriptpad_write",
  "ext_google_sheets_get_data",
  "ext_google_sheets_set_value",
  "ext_get_mail",
  "ext_api_call",
  "util_wait_time",
  "util_get_datetime",
  "util_generate_totp_secret",
  "util_send_user_message",
  "agent_query_context",
  "agent_compile_workflow",
  "llm_call",
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** Why a run was cancelled. */
export const CANCEL_REASONS = ["timeout", "max_steps", "user_requested"] as const;

const Action = {
  actionId: z.string(),
  actionName: openEnum(ACTION_NAMES),
  message: z.string(),
  info: z.unknown().optional(),
};

const KNOWN = z.discriminatedUnion("activityType", [
  z.object({ activityType: z.literal("step_started"), stepNumber: z.int() }),
  z.object({ activityType: z.literal("step_completed"), stepNumber: z.int() }),
  z.object({ activityType: z.literal("reasoning"), reasoning: z.string() }),
  z.object({ activityType: z.literal("generic"), message: z.string() }),
  z.object({
    activityType: z.literal("terminal"),
    reason: openEnum(["unsubscribe", "complete", "error"]),
    message: z.string().optional(),
  }),
  z.object({
    activityType: z.literal("status_changed"),
    status: openEnum(EXECUTION_STATUSES),
    awaitingConfirmationPayload: z.object({ reason: z.string() }).optional(),
    cancelledPayload: z.object({ reason: openEnum(CANCEL_REASONS) }).optional(),
    completedPayload: z
      .object({
        outcome: z.string(),
        reasoning: z.string(),
        result: z.unknown().optional(),
        lessons_learned: z.string().optional(),
      })
      .optional(),
    failedPayload: z
      .object({ reason: z.string(), os_error: z.object({ message: z.string() }).optional() })
      .optional(),
    pausedPayload: z.object({ reason: z.string() }).optional(),
  }),
  z.object({ activityType: z.literal("action_started"), ...Action }),
  z.object({ activityType: z.literal("action_completed"), ...Action, duration: z.int().optional() }),
  z.object({ activityType: z.literal("action_failed"), ...Action, duration: z.int().optional() }),
  z.object({ activityType: z.literal("user_message_received"), message: z.string(), userUUID: z.string() }),
  z.object({
    activityType: z.literal("transitioned_node"),
    newNodeName: z.string(),
    newNodeType: z.string(),
    newNodeUUID: z.string(),
    fromNodeDuration: z.int().optional(),
    transitionType: z.string().optional(),
  }),
  z.object({
    activityType: z.literal("file_added"),
    fileId: z.string(),
    fileName: z.string(),
    fileSize: z.int(),
    mimeType: z.string(),
    presignedUrl: z.string(),
    source: openEnum(["upload", "download"]),
  }),
  z.object({ activityType: z.literal("workflow_updated"), workflowUpdate: z.array(z.unknown()) }),
  z.object({
    activityType: z.literal("playwright_script_generated"),
    nodeId: z.string(),
    nodeName: z.string(),
    script: z.string(),
    context: z.unknown(),
    oldScript: z.string().optional(),
    llmVars: z.unknown().optional(),
  }),
]);

/** The documented activity types. */
export const ACTIVITY_TYPES = [...KNOWN.options.map((o) => o.shape.activityType.value)] as const;

/** An activity type this client does not know yet: kept whole, with its type, so a feed never breaks. */
const UnknownActivity = z.looseObject({
  activityType: z.string().refine((t) => !(ACTIVITY_TYPES as readonly string[]).includes(t), {
    error: "is a known activity type, but the payload is missing a field it needs",
  }),
});

/** What happened in one activity, discriminated by `activityType`. */
export const ActivityPayload = z.union([KNOWN, UnknownActivity]);
export type ActivityPayload = z.infer<typeof ActivityPayload>;
export type KnownActivityPayload = z.infer<typeof KNOWN>;

/** One entry of an execution's activity feed. */
export const ExecutionActivity = z.object({
  id: ResponseUuid,
  executionId: ResponseUuid,
  timestamp: DateTime,
  payload: ActivityPayload,
});
export type ExecutionActivity = z.infer<typeof ExecutionActivity>;

export const ActivityList = z.array(ExecutionActivity);
