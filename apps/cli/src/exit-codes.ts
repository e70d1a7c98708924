/**
 * What `agentdeck` exits with, so a script can branch on what went wrong. The table below is the
 * one `agentdeck --help` prints and the README shows; a test keeps the three the same.
 */
export const EXIT = {
  ok: 0,
  error: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  invalid: 5,
  conflict: 6,
  rateLimited: 7,
  unavailable: 8,
  timeout: 9,
  runFailed: 10,
  runCancelled: 11,
  batchStopped: 12,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Each code and when it is used, in the order of the codes. */
export const EXIT_CODE_MEANINGS: readonly { readonly code: ExitCode; readonly meaning: string }[] = [
  { code: EXIT.ok, meaning: "success (for run --wait and executions watch: the execution completed)" },
  { code: EXIT.error, meaning: "anything else (such as a response this version does not understand)" },
  {
    code: EXIT.usage,
    meaning: "usage: an unknown command or flag, a bad flag value, a bad config file or profile",
  },
  { code: EXIT.auth, meaning: "authentication: no API key or token configured, or refused (401, 403)" },
  { code: EXIT.notFound, meaning: "not found (404)" },
  {
    code: EXIT.invalid,
    meaning: "request validation: a value refused before sending, or by the server (400, 422)",
  },
  {
    code: EXIT.conflict,
    meaning: "conflict (409): a name already taken, no free agent profile, a state that forbids it",
  },
  { code: EXIT.rateLimited, meaning: "rate limit (429)" },
  { code: EXIT.unavailable, meaning: "server or connection failure (5xx after the retries, no connection)" },
  { code: EXIT.timeout, meaning: "timeout: no answer in time, or --timeout of a wait ran out" },
  {
    code: EXIT.runFailed,
    meaning: "run --wait / executions watch: the execution failed; batch: some rows did not complete",
  },
  { code: EXIT.runCancelled, meaning: "run --wait / executions watch: the execution was cancelled" },
  {
    code: EXIT.batchStopped,
    meaning: "batch: stopped before its end (an API error, a cancel, a journal in use); resume goes on",
  },
  { code: EXIT.interrupted, meaning: "interrupted (Ctrl-C); a run being waited for goes on" },
];

/**
 * A code of `@agentdeck/batch`'s commands in this table. Its 0, 2 and 130 mean what ours do; its 1
 * (some rows did not complete) and 3 (stopped before the end) would read as "anything else" and
 * "authentication" here, so they become 10 and 12.
 */
export function exitForBatch(code: number): ExitCode {
  if (code === 0) return EXIT.ok;
  if (code === 1) return EXIT.runFailed;
  if (code === 2) return EXIT.usage;
  if (code === 3) return EXIT.batchStopped;
  if (code === 130) return EXIT.interrupted;
  return EXIT.error;
}

/** The exit codes as the help prints them: one line each, code right-aligned. */
export function exitCodeTable(): string {
  return EXIT_CODE_MEANINGS.map(({ code, meaning }) => `  ${String(code).padStart(3)}  ${meaning}`).join(
    "\n",
  );
}
