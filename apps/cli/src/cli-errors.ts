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
