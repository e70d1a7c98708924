import { type Command, Option } from "commander";
import { parseDuration } from "../duration.ts";
import type { WatchOptions } from "../wait/watch.ts";

/** `--follow`, `--timeout`, `--interval` and `--cancel-on-interrupt`, for every command that waits. */
export function watchFlags(command: Command): Command {
  return command
    .option("--follow", "print the activities as they arrive (implies waiting)")
    .addOption(
      new Option(
        "--timeout <duration>",
        "stop waiting after this long, such as 30m (the run goes on)",
      ).argParser(parseDuration),
    )
    .addOption(
      new Option("--interval <duration>", "how often to ask for news")
        .argParser(parseDuration)
        .default(2000, "2s"),
    )
    .option("--cancel-on-interrupt", "on Ctrl-C, cancel the execution instead of leaving it running");
}

/** What the flags of `watchFlags` gave. */
export function watchOptionsOf(options: Record<string, unknown>): WatchOptions {
  return {
    follow: options.follow === true,
    timeoutMs: options.timeout as number | undefined,
    intervalMs: options.interval as number,
    cancelOnInterrupt: options.cancelOnInterrupt === true,
  };
}
