import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { ExecutionFile, StagedFile } from "@agentdeck/core";
import { SandboxError } from "../sandbox-error.ts";

/** The most bytes the sandbox keeps for all files together; past it an upload is refused with 413. */
export const MAX_STORED_FILE_BYTES = 64 * 1024 * 1024;
/** How long a signed URL serves its file: 15 minutes unless the sandbox is given another. */
export const DEFAULT_SIGNED_URL_TTL_SECONDS = 15 * 60;
/** Where files are served, on the sandbox's own origin and outside both APIs. */
export const FILES_PATH = "/sandbox-files";

/** One uploaded part: a name, its media type and its bytes. */
export interface FilePart {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

interface StoredFile extends FilePart {
  id: string;
  organizationId: string;
  createdMs: number;
  /** Set once the file belongs to an execution's context. */
  executionId?: string;
  agentId?: string;
}

interface FileDeps {
  uuid: () => string;
  now: () => number;
  /** The sandbox's origin (`http://127.0.0.1:PORT`), known once it listens. */
  origin: () => string;
  ttlSeconds: number;
}

/**
 * Files in memory: staged ones waiting for an execute, and those in an execution's context. Each is
 * downloaded through a signed URL on the sandbox's own origin, which needs no API key and expires.
 */
export class FileTable {
  readonly #files = new Map<string, StoredFile>();
  readonly #secret = randomBytes(32);
  #bytes = 0;

  readonly #deps: FileDeps;

  constructor(deps: FileDeps) {
    this.#deps = deps;
  }

  /** `POST /temp-files/{organizationId}`: keeps the parts until an execute claims them. */
  stage(organizationId: string, parts: FilePart[]): StagedFile[] {
    return parts.map((part) => {
      const file = this.#keep(organizationId, part);
      return { id: file.id, name: file.name };
    });
  }

  /** A staged file of the organization not yet claimed by an execution, or undefined. */
  staged(id: string, organizationId: string): StoredFile | undefined {
    const file = this.#files.get(id.toLowerCase());
    return file !== undefined && file.organizationId === organizationId && file.executionId === undefined
      ? file
      : undefined;
  }

  /** Moves staged files into an execution's context. */
  attach(ids: string[], executionId: string, agentId: string): StoredFile[] {
    return ids.map((id) => {
      const file = this.#files.get(id.toLowerCase()) as StoredFile;
      file.executionId = executionId;
      file.agentId = agentId;
      return file;
    });
  }

  /** `POST /executions/{id}/context-files`: adds the parts to the execution's context. */
  add(organizationId: string, executionId: string, agentId: string, parts: FilePart[]): StoredFile[] {
    return parts.map((part) => Object.assign(this.#keep(organizationId, part), { executionId, agentId }));
  }

  /** `GET /executions/{id}/context-files`: the execution's files, each with a fresh signed URL. */
  ofExecution(executionId: string): ExecutionFile[] {
    return [...this.#files.values()]
      .filter((file) => file.executionId === executionId)
      .map((file) => {
        const dot = file.name.lastIndexOf(".");
        return {
          id: file.id,
          executionId,
          agentId: file.agentId as string,
          filePath: `uploads/${file.name}`,
          fileName: file.name,
          fileExt: dot > 0 ? file.name.slice(dot + 1).toLowerCase() : "",
          fileSize: file.bytes.byteLength,
          fileType: "upload",
          mimeType: file.mimeType,
          createdAt: new Date(file.createdMs).toISOString(),
          signedUrl: this.signedUrl(file.id),
        };
      });
  }

  /** A URL that serves the file until `expiresAtMs` (by default the TTL from now). */
  signedUrl(id: string, expiresAtMs = this.#deps.now() + this.#deps.ttlSeconds * 1000): string {
    const expires = String(Math.floor(expiresAtMs));
    return `${this.#deps.origin()}${FILES_PATH}/${id}?expires=${expires}&signature=${this.#sign(id, expires)}`;
  }

  /** The file a signed URL names, or why it is refused. */
  open(id: string, expires: unknown, signature: unknown): StoredFile | "expired" | "invalid" {
    const file = this.#files.get(id);
    if (file === undefined || typeof expires !== "string" || typeof signature !== "string") return "invalid";
    const expected = Buffer.from(this.#sign(id, expires));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
    return Number(expires) <= this.#deps.now() ? "expired" : file;
  }

  /** Bytes kept for all files. */
  get bytes(): number {
    return this.#bytes;
  }

  clear(): void {
    this.#files.clear();
    this.#bytes = 0;
  }

  #keep(organizationId: string, part: FilePart): StoredFile {
    if (this.#bytes + part.bytes.byteLength > MAX_STORED_FILE_BYTES) {
      throw new SandboxError(
        413,
        `the sandbox keeps at most ${MAX_STORED_FILE_BYTES} bytes of files in memory; reset its store to make room`,
        { plainText: true },
      );
    }
    const file: StoredFile = { ...part, id: this.#deps.uuid(), organizationId, createdMs: this.#deps.now() };
    this.#files.set(file.id, file);
    this.#bytes += part.bytes.byteLength;
    return file;
  }

  #sign(id: string, expires: string): string {
    return createHmac("sha256", this.#secret).update(`${id}.${expires}`).digest("base64url");
  }
}
