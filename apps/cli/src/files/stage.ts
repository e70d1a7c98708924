import type { StagedFile } from "@agentdeck/core";
import { unlessFateUnknown } from "../may-have-acted.ts";
import type { Session } from "../session.ts";
import { localFiles } from "./local-files.ts";

/**
 * How long an upload may take, from the first byte sent to the answer: files can be large, so far
 * more than the 30 s of a plain call.
 */
export const UPLOAD_TIMEOUT_MS = 10 * 60_000;

/**
 * Stages the files at `paths` in the organization (`--org`, else the configured one, else the key's
 * only one) and answers their temp files, in order. Every path is checked before anything is sent.
 * An upload is never sent twice: when its fate is unknown, the message says so.
 */
export async function stageLocalFiles(
  session: Session,
  paths: readonly string[],
  options: { flag: string; org: string | undefined },
): Promise<StagedFile[]> {
  const files = await localFiles(paths, options.flag);
  const organizationId = await session.requireOrganization(options.org);
  const client = await session.client();
  const { tempFiles } = await unlessFateUnknown(
    client.files.stage(files, { organizationId }, { signal: session.signal, timeoutMs: UPLOAD_TIMEOUT_MS }),
    "The files may have been staged all the same; nothing was started. Staging them again is harmless: a staged file nobody runs with is never used.",
  );
  return tempFiles;
}
