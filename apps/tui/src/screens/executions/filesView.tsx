import { dirname } from "node:path";
import type { ExecutionFile } from "@agentdeck/core";
import { Box, Text } from "ink";
import { useEffect, useEffectEvent } from "react";
import { clip } from "../../common/cells.ts";
import { errorMessage, isAbort } from "../../common/errorMessage.ts";
import { formatBytes, formatTime } from "../../common/format.ts";
import { sanitize } from "../../common/sanitize.ts";
import { useTheme } from "../../common/theme.ts";
import type { Binding } from "../../keys/binding.ts";
import { HintLine } from "../../keys/HintLine.tsx";
import { type Column, Table } from "../../list/Table.tsx";
import type { View, ViewContext, ViewProps } from "../../shell/viewStack.ts";
import { CONFIRM_VIEW } from "../confirmView.tsx";
import { PROMPT_VIEW } from "../promptView.tsx";
import { defaultSaveName, FileExistsError, saveDownload, savePath, taken } from "./saveDownload.ts";

/** A download's deadline: long, as files can be large; `c` cancels it sooner. */
const DOWNLOAD_TIMEOUT_MS = 60 * 60_000;
/** How often a download's progress is drawn. */
const PROGRESS_MS = 100;

/** A download of one file to one path: under way, or how it ended. */
export type Download = {
  readonly name: string;
  readonly path: string;
  readonly phase: "running" | "saved" | "failed" | "cancelled";
  readonly bytes: number;
  readonly size: number | undefined;
  /** What went wrong, when it failed. */
  readonly error?: string;
  readonly cancel: () => void;
};

/** The files view of one execution: its files (uploaded and produced), and a download. */
export type FilesState = {
  readonly executionId: string;
  /** Undefined until they have loaded. */
  readonly files: readonly ExecutionFile[] | undefined;
  /** Why the files could not be listed. */
  readonly failed: string | undefined;
  readonly cursor: number;
  /** Bumped by R, to list them again. */
  readonly reloads: number;
  readonly download: Download | undefined;
};

/** The files view opening on execution `executionId`. */
export function filesOf(executionId: string): FilesState {
  return { executionId, files: undefined, failed: undefined, cursor: 0, reloads: 0, download: undefined };
}

type Context = ViewContext<FilesState>;

const COLUMNS: readonly Column<ExecutionFile>[] = [
  { title: "Name", cell: (f) => f.fileName },
  { title: "Size", width: 10, align: "right", cell: (f) => formatBytes(f.fileSize) },
  { title: "Type", width: 24, cell: (f) => f.mimeType, optional: true },
  { title: "Added", width: 16, cell: (f) => formatTime(f.createdAt), optional: true },
];

function selected(state: FilesState): ExecutionFile | undefined {
  return state.files?.[state.cursor];
}

const running = (state: FilesState) => state.download?.phase === "running";

/** Asks where to save `file` (the file's name in the current directory unless typed), then downloads it. */
function askWhere(context: Context, file: ExecutionFile, typed = defaultSaveName(file.fileName)): void {
  context.stack.push(PROMPT_VIEW, {
    label: "Save to",
    value: typed,
    cursor: typed.length,
    sending: false,
    send: async (text, prompt) => {
      const path = savePath(text, context.session.cwd, file.fileName);
      if (!taken(dirname(path))) {
        prompt.report.warn(`There is no directory ${sanitize(dirname(path))}: type another path.`);
        throw new Error("no such directory");
      }
      if (!taken(path)) {
        start(context, file, path, false);
        return;
      }
      // The question takes the prompt's place; no puts the typed path back to change it.
      prompt.stack.replace(prompt.id, CONFIRM_VIEW, {
        question: `${path} exists. Replace it?`,
        yes: () => start(context, file, path, true),
        no: () => askWhere(context, file, text),
      });
    },
  });
}

/** Downloads `file` to `path`, its progress and how it ended shown in the view. */
function start(context: Context, file: ExecutionFile, path: string, overwrite: boolean): void {
  const controller = new AbortController();
  const name = sanitize(file.fileName);
  const change = (patch: Partial<Download>) =>
    context.set((s) => (s.download?.path === path ? { ...s, download: { ...s.download, ...patch } } : s));
  context.set((s) => ({
    ...s,
    download: {
      name,
      path,
      phase: "running",
      bytes: 0,
      size: file.fileSize,
      cancel: () => controller.abort(),
    },
  }));
  let drawnAt = 0;
  const progress = (bytes: number) => {
    if (Date.now() - drawnAt < PROGRESS_MS) return;
    drawnAt = Date.now();
    change({ bytes });
  };
  context.session.client.files
    .download(file, { signal: controller.signal, timeoutMs: DOWNLOAD_TIMEOUT_MS })
    .then((download) => {
      if (download.size !== undefined) change({ size: download.size });
      return saveDownload(download.stream, path, { overwrite, onProgress: progress });
    })
    .then(
      (bytes) => {
        change({ phase: "saved", bytes });
        context.report.ok();
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return change({ phase: "cancelled" });
        context.report.failedInPlace(error);
        const text =
          error instanceof FileExistsError
            ? `${sanitize(path)} appeared while it downloaded; it was kept. Press Enter to choose again.`
            : errorMessage(error, { doing: `download ${name}`, retryKey: "Enter" }).text;
        change({ phase: "failed", error: text });
      },
    );
}

const move = (by: number | "top" | "bottom") => (c: Context) =>
  c.set((s) => {
    const last = Math.max(0, (s.files?.length ?? 0) - 1);
    const to = by === "top" ? 0 : by === "bottom" ? last : s.cursor + by;
    return { ...s, cursor: Math.max(0, Math.min(last, to)) };
  });

const BINDINGS: readonly Binding<Context>[] = [
  {
    keys: ["enter"],
    description: "download the file (asks where; never replaces a file without asking)",
    hint: "download",
    retries: true,
    disabledReason: (c) => {
      if (running(c.state)) return "a download is under way (c cancels it)";
      return selected(c.state) === undefined ? "there is no file selected" : undefined;
    },
    handler: (c) => {
      const file = selected(c.state);
      if (file) askWhere(c, file);
    },
  },
  {
    keys: ["c"],
    description: "cancel the download (nothing is saved)",
    hint: "cancel download",
    when: (c) => running(c.state),
    handler: (c) => c.state.download?.cancel(),
  },
  { keys: ["j", "down"], description: "down", handler: move(1) },
  { keys: ["k", "up"], description: "up", handler: move(-1) },
  { keys: ["g", "home"], description: "the first file", handler: move("top") },
  { keys: ["G", "end"], description: "the last file", handler: move("bottom") },
  {
    keys: ["R"],
    description: "list the files again",
    hint: "refresh",
    handler: (c) => c.set((s) => ({ ...s, reloads: s.reloads + 1 })),
  },
  {
    keys: ["esc"],
    description: "back to the monitor",
    hint: "back",
    disabledReason: (c) => (running(c.state) ? "a download is under way (c cancels it)" : undefined),
    handler: (c) => c.stack.close(c.id),
  },
];

function downloadLine(download: Download): { text: string; tone: "muted" | "error" | "accent" } {
  const { name, path, bytes, size } = download;
  const shownPath = sanitize(path);
  switch (download.phase) {
    case "running": {
      const share = size
        ? ` ${Math.floor((bytes / size) * 100)}% (${formatBytes(bytes)} of ${formatBytes(size)})`
        : ` ${formatBytes(bytes)}`;
      return { text: `↓ ${name} → ${shownPath}:${share} · c cancels`, tone: "accent" };
    }
    case "saved":
      return { text: `✓ Saved ${shownPath} (${formatBytes(bytes)}).`, tone: "accent" };
    case "cancelled":
      return { text: `Cancelled the download of ${name}; nothing was saved.`, tone: "muted" };
    default:
      return { text: `✗ ${download.error ?? "The download failed."}`, tone: "error" };
  }
}

function Files({ context, focused, bindings }: ViewProps<FilesState>) {
  const theme = useTheme();
  const { state, area, session } = context;
  const { executionId, reloads } = state;
  const loaded = useEffectEvent((files: readonly ExecutionFile[]) => {
    context.set((s) => ({
      ...s,
      files,
      failed: undefined,
      cursor: Math.min(s.cursor, Math.max(0, files.length - 1)),
    }));
    context.report.ok();
  });
  const failed = useEffectEvent((error: unknown) => {
    context.set((s) => ({
      ...s,
      failed: errorMessage(error, {
        doing: "list the files",
        retryKey: "R",
        credentials: session.credentials,
      }).text,
    }));
    context.report.failedInPlace(error);
  });
  useEffect(() => {
    const controller = new AbortController();
    session.client.executions.files(executionId, { signal: controller.signal }).then(
      (files) => {
        if (!controller.signal.aborted) loaded(files);
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) failed(error);
      },
    );
    return () => controller.abort();
  }, [session.client, executionId, reloads]);

  const files = state.files ?? [];
  const empty =
    state.failed !== undefined
      ? `✗ ${state.failed}`
      : state.files === undefined
        ? "loading…"
        : "no files: an execution's files are those uploaded for it and those its agent saved";
  const line = state.download === undefined ? undefined : downloadLine(state.download);
  const tableHeight = Math.max(0, area.height - 2 - (line === undefined ? 0 : 1));
  return (
    <Box flexDirection="column" height={area.height} flexShrink={0}>
      <Text bold>
        {clip(` Files of execution ${executionId} · saved to ${sanitize(session.cwd)}`, area.width)}
      </Text>
      <Table
        columns={COLUMNS}
        width={area.width}
        items={files}
        cursor={state.cursor}
        height={tableHeight}
        focused={focused}
        empty={empty}
      />
      {line === undefined ? null : (
        <Text
          color={line.tone === "error" ? theme.error : line.tone === "accent" ? theme.accent : theme.muted}
        >
          {clip(` ${line.text}`, area.width)}
        </Text>
      )}
      <Text>
        {" "}
        <HintLine bindings={bindings} width={area.width - 1} />
      </Text>
    </Box>
  );
}

/** An execution's files, from `executions.files(id)`, each downloadable to a path the user types. */
export const FILES_VIEW: View<FilesState> = {
  title: "Execution files",
  api: "v2",
  bindings: () => BINDINGS,
  Render: Files,
};
