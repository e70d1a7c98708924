import { type Command, Option } from "commander";
import { parsePositive } from "../duration.ts";

/** What the paging flags of a v2 list give. */
export type PagingOptions = {
  readonly page?: number;
  readonly pageSize?: number;
  readonly all?: boolean;
  readonly sort?: string;
  readonly order?: "asc" | "desc";
};

/** `--page`, `--page-size`, `--all`, and `--sort` over the given fields with `--order`. */
export function pagingOptions(command: Command, sortFields: readonly string[]): Command {
  return command
    .addOption(new Option("--page <n>", "which page (from 1)").argParser(parsePositive).conflicts("all"))
    .addOption(new Option("--page-size <n>", "items a page (1 to 100)").argParser(parsePositive))
    .option("--all", "every page, one after another: NDJSON with --json, ids with --quiet")
    .addOption(new Option("--sort <field>", "sort by this field").choices(sortFields))
    .addOption(new Option("--order <direction>", "sort direction").choices(["asc", "desc"]));
}

/** The list params the paging flags ask for, with only what was given. */
export function pagingParams(options: PagingOptions) {
  return {
    ...(options.page === undefined ? {} : { page: options.page }),
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    ...(options.sort === undefined ? {} : { sortField: options.sort }),
    ...(options.order === undefined ? {} : { sortDirection: options.order }),
  };
}

/** `--org <id>`: the organization to list or create in. */
export function orgOption(command: Command, what: string): Command {
  return command.option(
    "--org <id>",
    `organization ${what} (default: ASTEROID_ORGANIZATION_ID or the profile's)`,
  );
}
