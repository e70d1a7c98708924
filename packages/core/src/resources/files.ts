import type { CallOptions } from "../call-options.ts";
import { type DownloadedFile, downloadFile } from "../download.ts";
import { fileForm } from "../file-form.ts";
import { type FileInput, StagedFiles, StageFilesParams } from "../models/files.ts";
import { send, type Transport } from "../request.ts";
import { parseRequest } from "../validate.ts";

/** `client.files`: staging files for an execution, and downloading an execution's files. */
export function filesResource(transport: Transport) {
  return {
    /**
     * Uploads files before a run; pass the answer's `tempFiles` to `agents.execute`. Never retried once
     * it may have reached the server: a repeat would stage every file a second time.
     */
    async stage(
      files: readonly FileInput[],
      params: StageFilesParams,
      options?: CallOptions,
    ): Promise<StagedFiles> {
      const { organizationId } = parseRequest(StageFilesParams, params, "stage params");
      const form = fileForm(files);
      return send(
        transport,
        {
          api: "v2",
          method: "POST",
          path: `temp-files/${organizationId}`,
          body: form,
          retry: "unsafe",
          response: StagedFiles,
        },
        options,
      );
    },

    /**
     * Streams a file from its `signedUrl` (an `ExecutionFile` or the URL itself). The API key goes only
     * to the API's own origin; `timeoutMs` and `signal` cover the download to its last byte.
     */
    download(file: string | { signedUrl: string }, options?: CallOptions): Promise<DownloadedFile> {
      return downloadFile(transport, file, options);
    },
  };
}

/** `client.files`. */
export type FilesResource = ReturnType<typeof filesResource>;
