import { type Command, Option } from "commander";
import { parsePositive } from "../duration.ts";
import type { Page } from "../output/printer.ts";
import type { View } from "../output/view.ts";
import type { Session } from "../session.ts";

/** What the paging flags of a v2 list give, with `--search` and `--org` where the list has them. */
export type PagingOptions = {
  readonly page?: number;
  readonly pageSize?: number;
  readonly all?: boolean;
  readonly sort?: string;
  readonly order?: "asc" | "desc";
  readonly search?: string;
  readonly org?: string;
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

/**
 * The list params the flags ask for, with only what was given: paging, sort, `--search` and the
 * organization (`--org`, else the configured one).
 */
export async function listParams(session: Session, options: PagingOptions) {
  const organizationId = await session.organization(options.org);
  return {
    ...(options.page === undefined ? {} : { page: options.page }),
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    ...(options.sort === undefined ? {} : { sortField: options.sort }),
    ...(options.order === undefined ? {} : { sortDirection: options.order }),
    ...(options.search === undefined ? {} : { searchName: options.search }),
    ...(organizationId === undefined ? {} : { organizationId }),
  };
}

/** The pages of one v2 list: one page, or every item (`listAll`, 100 a page). */
export type Listing<T> = {
  readonly page: (signal: AbortSignal) => Promise<Page<T>>;
  readonly all: (signal: AbortSignal) => AsyncIterable<T>;
};

/** Prints the page the flags ask for, or with `--all` every item as it arrives. */
export async function printListing<T>(
  session: Session,
  options: PagingOptions,
  listing: Listing<T>,
  view: View<T>,
) {
  if (options.all) await session.out.stream(listing.all(session.signal), view);
  else await session.out.page(await listing.page(session.signal), view);
}

/** `--org <id>`: the organization to list or create in. */
export function orgOption(command: Command, what: string): Command {
  return command.option(
    "--org <id>",
    `organization ${what} (default: ASTEROID_ORGANIZATION_ID or the profile's)`,
  );
}
