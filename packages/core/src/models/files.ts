import * as z from "zod";
import { DateTime, ResponseUuid, Uuid } from "./common.ts";

/** A file staged with `POST /temp-files/{organizationId}`: pass it to execute's `tempFiles`. */
export const StagedFile = z.object({ id: ResponseUuid, name: z.string() });
export type StagedFile = z.infer<typeof StagedFile>;

/** Response of `POST /temp-files/{organizationId}`. */
export const StagedFiles = z.object({ tempFiles: z.array(StagedFile) });
export type StagedFiles = z.infer<typeof StagedFiles>;

/** A file of an execution's context, as `GET /executions/{id}/context-files` lists it. */
export const ExecutionFile = z.object({
  id: ResponseUuid,
  executionId: ResponseUuid,
  agentId: ResponseUuid,
  filePath: z.string(),
  fileName: z.string(),
  fileExt: z.string(),
  fileSize: z.int(),
  fileType: z.string(),
  mimeType: z.string(),
  createdAt: DateTime,
  /** A URL that serves the file's bytes until it expires; it needs no API key. */
  signedUrl: z.string(),
});
export type ExecutionFile = z.infer<typeof ExecutionFile>;

export const ExecutionFileList = z.array(ExecutionFile);

/** The bytes of a named upload: whatever `Blob` accepts as a part. */
const FileData = z.custom<Blob | ArrayBuffer | ArrayBufferView | string>(
  (value) =>
    typeof value === "string" ||
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value),
  { error: "must be a Blob, an ArrayBuffer, a typed array or a string" },
);

/** One file to upload: a `Blob`/`File` (a `File` keeps its name), or a `{ name, data }` pair. */
export const FileInput = z.union(
  [
    z.custom<Blob>((value) => value instanceof Blob),
    z.strictObject({
      name: z.string({ error: "must be a file name" }).min(1, { error: "must not be empty" }),
      data: FileData,
      /** The media type sent with the part; taken from `data` when it is a Blob, else application/octet-stream. */
      type: z.string({ error: "must be a media type such as text/csv" }).optional(),
    }),
  ],
  { error: "must be a Blob or File, or { name, data }" },
);
export type FileInput = z.infer<typeof FileInput>;

/** The files of one upload: at least one. */
export const FileInputs = z
  .array(FileInput, { error: "must be a list of files" })
  .min(1, { error: "must hold at least one file" });

/** The second argument of `files.stage`. */
export const StageFilesParams = z.strictObject({ organizationId: Uuid });
export type StageFilesParams = z.infer<typeof StageFilesParams>;
