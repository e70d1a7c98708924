import type { CommandSpec, GroupSpec } from "../command-spec.ts";
import { agents } from "./agents.ts";
import { batch } from "./batch.ts";
import { config } from "./config.ts";
import { context } from "./context.ts";
import { executions } from "./executions.ts";
import { files } from "./files.ts";
import { pools } from "./pools.ts";
import { registry } from "./registry.ts";
import { run } from "./run.ts";
import { tui } from "./tui.ts";

/**
 * Every command, in the order `agentdeck --help` lists them (`completion` is added by the program,
 * which it describes). A new command is one more spec here or in its group's list.
 */
export const COMMANDS: readonly (CommandSpec | GroupSpec)[] = [
  pools,
  agents,
  run,
  executions,
  files,
  batch,
  registry,
  context,
  config,
  tui,
];
