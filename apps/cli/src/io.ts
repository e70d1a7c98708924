/** Where agentdeck writes: stdout for data, stderr for messages. `write` resolves once the text (or bytes, for a download) is taken. */
export type OutputStream = {
  readonly isTTY: boolean;
  /** The terminal's width; undefined when not a terminal. */
  readonly columns: number | undefined;
  write(text: string | Uint8Array): Promise<void>;
};

/** Where agentdeck reads: piped input, or a line typed at the terminal (without echo for secrets). */
export type InputStream = {
  readonly isTTY: boolean;
  readAll(): Promise<string>;
  /** One line typed at the terminal after `prompt` (on stderr); not echoed when `hidden` (secrets). */
  readLine(prompt: string, options?: { hidden?: boolean }): Promise<string>;
};

/**
 * Everything a run of agentdeck touches outside itself, so the same code runs as the `agentdeck`
 * process and in-process (tests, the contract tests against the Pact mock server).
 */
export type CliIo = {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: InputStream;
  /** Aborts when the user presses Ctrl-C. */
  readonly interrupt: AbortSignal;
};

/** Ctrl-C: the reason `CliIo.interrupt` aborts with. */
export class InterruptedError extends Error {
  override name = "InterruptedError";
  constructor() {
    super("interrupted");
  }
}

/** A CliIo that keeps what is written, for running agentdeck in-process. */
export function bufferedIo(
  options: {
    env?: Record<string, string | undefined>;
    stdin?: string;
    tty?: boolean;
    /** Whether stdin is a terminal (a person who can answer a question); false by default. */
    stdinTty?: boolean;
    columns?: number;
    interrupt?: AbortSignal;
  } = {},
): CliIo & { readonly out: () => string; readonly err: () => string } {
  let out = "";
  let err = "";
  const tty = options.tty ?? false;
  const stream = (append: (text: string) => void): OutputStream => {
    const decoder = new TextDecoder();
    return {
      isTTY: tty,
      columns: tty ? (options.columns ?? 100) : undefined,
      write: async (text) => append(typeof text === "string" ? text : decoder.decode(text, { stream: true })),
    };
  };
  return {
    env: options.env ?? {},
    stdout: stream((text) => {
      out += text;
    }),
    stderr: stream((text) => {
      err += text;
    }),
    stdin: {
      isTTY: options.stdinTty ?? false,
      readAll: async () => options.stdin ?? "",
      readLine: async () => (options.stdin ?? "").split("\n")[0] ?? "",
    },
    interrupt: options.interrupt ?? new AbortController().signal,
    out: () => out,
    err: () => err,
  };
}
