import * as z from "zod";
import { type FileInput, FileInputs } from "./models/files.ts";
import { parseRequest } from "./validate.ts";

/** The name a file part travels under: a `File` keeps its own, a bare `Blob` gets a generic one. */
function partOf(file: FileInput, index: number): { blob: Blob; name: string } {
  if (file instanceof Blob) {
    const name =
      typeof (file as File).name === "string" && (file as File).name !== "" ? (file as File).name : "";
    return { blob: file, name: name || `file-${index + 1}` };
  }
  const type = file.type ?? (file.data instanceof Blob ? file.data.type : "") ?? "";
  return { blob: new Blob([file.data as BlobPart], type ? { type } : {}), name: file.name };
}

const Upload = z.object({ files: FileInputs });

/** The multipart body both file uploads send: one `files` part per file, in order. Checked before anything is sent. */
export function fileForm(files: readonly FileInput[]): FormData {
  const checked = parseRequest(Upload, { files }, "upload").files;
  const form = new FormData();
  checked.forEach((file, index) => {
    const { blob, name } = partOf(file, index);
    form.append("files", blob, name);
  });
  return form;
}
