/** One interaction the provider did not honour, and how. */
export interface FailedInteraction {
  description: string;
  /** The verifier's mismatches, one line each: `BodyMismatch $.name: Expected … but received …`. */
  mismatches: string[];
}

type VerifierReport = {
  interactionResults?: {
    description: string;
    result: string;
    mismatch?: { mismatches?: { type?: string; path?: string; mismatch?: string }[]; message?: string };
  }[];
};

/** A verification that failed: the interactions the provider broke, each with its mismatches. */
export class VerificationFailure extends Error {
  override readonly name = "VerificationFailure";
  readonly failures: FailedInteraction[];

  constructor(failures: FailedInteraction[]) {
    const lines = failures.flatMap((f) => [`- ${f.description}`, ...f.mismatches.map((m) => `    ${m}`)]);
    super(`The provider broke ${failures.length} interaction(s) of the pact:\n${lines.join("\n")}`);
    this.failures = failures;
  }

  /**
   * Reads the verifier's rejection: pact-core rejects with an Error whose message is the JSON report
   * of the run. Anything else (a crash, a bad option) is returned unchanged.
   */
  static from(error: unknown): unknown {
    if (!(error instanceof Error)) return error;
    let report: VerifierReport;
    try {
      report = JSON.parse(error.message) as VerifierReport;
    } catch {
      return error;
    }
    const failed = (report.interactionResults ?? []).filter((result) => result.result !== "OK");
    if (failed.length === 0) return error;
    return new VerificationFailure(
      failed.map((result) => ({
        description: result.description,
        mismatches: (result.mismatch?.mismatches ?? []).map(
          (m) => `${m.type ?? "Mismatch"}${m.path ? ` ${m.path}` : ""}: ${m.mismatch ?? ""}`,
        ),
      })),
    );
  }
}
