import type { ExecutionFile, StagedFile } from "@agentdeck/core";
import type { SavedFile } from "../files/download.ts";
import type { View } from "../output/view.ts";
import { formatTime } from "./time.ts";

/** A size in bytes as people read it: `850 B`, `12.3 kB`, `4.1 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** How a staged file (`files stage`) is printed: the id to give a run, and its name. */
export const stagedFileView: View<StagedFile> = {
  noun: "staged file",
  nouns: "staged files",
  id: (file) => file.id,
  columns: [
    { header: "ID", cell: (f) => f.id },
    { header: "NAME", cell: (f) => f.name, flex: true },
  ],
  fields: (f) => [
    ["id", f.id],
    ["name", f.name],
  ],
};

/** How a file of an execution is printed (its signed URL only in --json: it is a credential of its own). */
export const executionFileView: View<ExecutionFile> = {
  noun: "file",
  nouns: "files",
  id: (file) => file.id,
  columns: [
    { header: "ID", cell: (f) => f.id },
    { header: "NAME", cell: (f) => f.fileName, flex: true },
    { header: "SIZE", cell: (f) => formatBytes(f.fileSize) },
    { header: "TYPE", cell: (f) => f.mimeType },
    { header: "CREATED", cell: (f) => formatTime(f.createdAt) },
  ],
  fields: (f) => [
    ["id", f.id],
    ["name", f.fileName],
    ["size", formatBytes(f.fileSize)],
    ["type", f.mimeType],
    ["created", formatTime(f.createdAt)],
  ],
};

/** How a downloaded file is reported: where it went (the path alone with --quiet). */
export const savedFileView: View<SavedFile> = {
  noun: "saved file",
  nouns: "saved files",
  id: (file) => file.path,
  columns: [
    { header: "PATH", cell: (f) => f.path, flex: true },
    { header: "SIZE", cell: (f) => formatBytes(f.bytes) },
    { header: "FILE", cell: (f) => f.fileName, flex: true },
  ],
  fields: (f) => [
    ["path", f.path],
    ["size", formatBytes(f.bytes)],
    ["file", f.fileName],
  ],
};
