import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { IPty } from "@lydell/node-pty";
import { Screen } from "./screen.ts";

// node-pty is CommonJS with a native addon.
const pty = createRequire(import.meta.url)("@lydell/node-pty") as typeof import("@lydell/node-pty");

/** Environment variables that make Ink (is-in-ci) think it runs in CI and stop drawing frames. */
const CI_VARIABLES = /^(CI|CONTINUOUS_INTEGRATION|BUILD_NUMBER|RUN_ID|CI_.*)$/;

type Waiter = { test: () => boolean; resolve: (at: number) => void; fail: (error: Error) => void };

/**
 * A program in a real pseudo-terminal, as a person would start it, with what it shows kept on a
 * `Screen`. Times are `performance.now()` readings of this process, taken when output arrives.
 */
export class PtyProgram {
  readonly screen: Screen;
  readonly spawnedAt: number;
  /** When output last arrived. */
  lastOutputAt: number;
  private readonly terminal: IPty;
  private waiters: Waiter[] = [];
  private exit: Promise<{ exitCode: number; signal?: number }>;
  private exited = false;

  private constructor(
    file: string,
    args: string[],
    options: { env: Record<string, string>; columns: number; rows: number },
  ) {
    this.screen = new Screen(options.columns, options.rows);
    this.spawnedAt = performance.now();
    this.lastOutputAt = this.spawnedAt;
    this.terminal = pty.spawn(file, args, {
      name: "xterm-256color",
      cols: options.columns,
      rows: options.rows,
      cwd: process.cwd(),
      env: options.env,
    });
    this.terminal.onData((data) => {
      const at = performance.now();
      this.lastOutputAt = at;
      this.screen.write(data);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.test()) return true;
        waiter.resolve(at);
        return false;
      });
    });
    this.exit = new Promise((resolve) =>
      this.terminal.onExit((event) => {
        this.exited = true;
        // Whatever was awaited will not appear now: say so at once, with the last screen.
        const screen = this.screen.text();
        for (const waiter of this.waiters)
          waiter.fail(new Error(`the program exited (${event.exitCode}); the screen shows:\n${screen}`));
        this.waiters = [];
        resolve(event);
      }),
    );
  }

  /** Starts `node script args` in a `columns`×`rows` terminal with `env` on top of a CI-free copy of ours. */
  static startNode(
    script: string,
    args: readonly string[],
    options: {
      env?: Record<string, string | undefined>;
      columns?: number;
      rows?: number;
      nodeFlags?: readonly string[];
    },
  ): PtyProgram {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...process.env, ...options.env })) {
      if (value !== undefined && !CI_VARIABLES.test(key)) env[key] = value;
    }
    env.TERM = "xterm-256color";
    delete env.NODE_OPTIONS;
    return new PtyProgram(process.execPath, [...(options.nodeFlags ?? []), script, ...args], {
      env,
      columns: options.columns ?? 120,
      rows: options.rows ?? 40,
    });
  }

  get pid(): number {
    return this.terminal.pid;
  }

  /** Sends keys as typed; returns the time just before they were written. */
  type(keys: string): number {
    const at = performance.now();
    this.terminal.write(keys);
    return at;
  }

  /**
   * Resolves with the arrival time of the output after which `test` (of the screen) holds; right
   * away, with now, if it already does. Rejects after `timeoutMs` with what the screen shows.
   */
  until(test: (screen: Screen) => boolean, timeoutMs: number, what: string): Promise<number> {
    if (test(this.screen)) return Promise.resolve(performance.now());
    if (this.exited) return Promise.reject(new Error(`${what} did not appear: the program has exited`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(
          new Error(
            `${what} did not appear within ${timeoutMs} ms; the screen shows:\n${this.screen.text()}`,
          ),
        );
      }, timeoutMs);
      const waiter: Waiter = {
        test: () => test(this.screen),
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(new Error(`${what} did not appear: ${error.message}`));
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves once no output has arrived for `quietMs`, with the arrival time of the last output. */
  async settle(quietMs: number, timeoutMs = 10_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const quietFor = performance.now() - this.lastOutputAt;
      if (quietFor >= quietMs) return this.lastOutputAt;
      if (performance.now() > deadline) throw new Error(`output did not settle within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, quietMs - quietFor + 1));
    }
  }

  /** Peak resident set size so far (VmHWM), in bytes; undefined where /proc is not there. */
  peakRssBytes(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, "utf8");
      const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
      return kb === undefined ? undefined : Number(kb) * 1024;
    } catch {
      return undefined;
    }
  }

  /**
   * Stops the program and waits for it to exit: first with `quitKeys` if given (a program that
   * quits by itself writes its CPU profile; one killed by a signal does not), then SIGTERM, then SIGKILL.
   */
  async stop(quitKeys?: string): Promise<void> {
    const exitedWithin = (ms: number) =>
      Promise.race([
        this.exit.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(resolve, ms, false)),
      ]);
    if (this.exited) return;
    if (quitKeys !== undefined) {
      this.terminal.write(quitKeys);
      if (await exitedWithin(2_000)) return;
    }
    this.terminal.kill("SIGTERM");
    if (await exitedWithin(5_000)) return;
    this.terminal.kill("SIGKILL");
    await this.exit;
  }
}
