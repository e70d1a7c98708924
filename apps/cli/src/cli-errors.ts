/** The command line is wrong: an unknown flag value, a malformed `--input`. The message says what is allowed. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** No credential is configured for the API a command needs; the message says how to set one. */
export class NoCredentialsError extends Error {
  override name = "NoCredentialsError";
  constructor(readonly api: "v2" | "registry") {
    super(
      api === "v2"
        ? "no API key is configured: set ASTEROID_API_KEY, or save one in a profile with `agentdeck config set apiKey` (agentdeck config --help)."
        : "no registry token is configured: set AGENT_REGISTRY_TOKEN, or save one with `agentdeck config set registryToken`.",
    );
  }
}

/**
 * A call that may have been carried out although it failed (the request went out, the answer was
 * lost or was a 5xx). `check` tells the user how to find out before trying again.
 */
export class FateUnknownError extends Error {
  override name = "FateUnknownError";
  constructor(
    override readonly cause: unknown,
    readonly check: string,
  ) {
    super(check);
  }
}

/** The person at the terminal answered no to a confirmation: nothing was done. */
export class DeclinedError extends Error {
  override name = "DeclinedError";
  constructor() {
    super("nothing was done: the answer was not yes.");
  }
}

/**
 * A run that failed to start after its files were staged: the message names the staged files, so
 * nobody wonders where they went.
 */
export class StagedFilesError extends Error {
  override name = "StagedFilesError";
  constructor(
    override readonly cause: unknown,
    readonly files: readonly { readonly id: string; readonly name: string }[],
    /** Whether the run may have started all the same (with the files attached). */
    readonly mayHaveStarted: boolean,
  ) {
    super("a run with staged files did not start");
  }

  /** The sentence naming the files. */
  get note(): string {
    const named = this.files.map((file) => `${file.name} (temp file ${file.id})`).join(", ");
    return this.mayHaveStarted
      ? `Staged for it: ${named}; they are attached if it started.`
      : `Staged for it, and now attached to no run: ${named}.`;
  }
}

/** What a command names does not exist where it looked (a file of an execution); exits as a 404 does. */
export class MissingFileError extends Error {
  override name = "MissingFileError";
}

/** A download that ended with other than the announced number of bytes; nothing was kept. */
export class IncompleteDownloadError extends Error {
  override name = "IncompleteDownloadError";
  constructor(
    readonly fileName: string,
    readonly bytes: number,
    readonly expected: number,
  ) {
    super(
      `${fileName} did not arrive whole (${bytes} of ${expected} bytes) and was not kept: download it again.`,
    );
  }
}
