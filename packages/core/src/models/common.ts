import * as z from "zod";

/** A uuid the caller sends: checked strictly before any request goes out. */
export const Uuid = z.uuid({ error: "must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a" });

/** A uuid the server sends: any 8-4-4-4-12 hex id, so a new id version never breaks a response. */
export const ResponseUuid = z.guid();

/** An ISO 8601 date-time with an offset or `Z`, as every timestamp in both APIs. */
export const DateTime = z.iso.datetime({ offset: true });

export const SortDirection = z.enum(["asc", "desc"], { error: "must be one of: asc, desc" });
export type SortDirection = z.infer<typeof SortDirection>;

export const Page = z
  .int({ error: "must be a whole number of 1 or more" })
  .min(1, { error: "must be 1 or more" });
/** A v2 page size: the API documents a default of 50 and no maximum, so the client sets none. */
export const PageSize = z
  .int({ error: "must be a whole number of 1 or more" })
  .min(1, { error: "must be 1 or more" });

/**
 * A response enum that passes values it does not know through unchanged, typed as the known
 * values plus `string`: a server that adds a status never breaks a whole list.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(_known: T) {
  return z.string() as unknown as z.ZodType<T[number] | (string & {})>;
}

/** Whether `value` is one of the known values of an open enum. */
export function isKnown<const T extends readonly string[]>(known: T, value: string): value is T[number] {
  return known.includes(value);
}

/** Query of a v2 list searchable by name (`GET /agent-profile-pools`, `GET /agents`), sortable by `sortField`. */
export function nameSearchParams<T extends z.ZodType>(sortField: T) {
  return z.strictObject({
    organizationId: Uuid.optional(),
    page: Page.optional(),
    pageSize: PageSize.optional(),
    searchName: z
      .string({ error: "must be a string" })
      .max(255, { error: "must be at most 255 characters" })
      .optional(),
    sortField: sortField.optional(),
    sortDirection: SortDirection.optional(),
  });
}

/** The `{items, page, pageSize, total}` page every v2 list returns. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.int(),
    pageSize: z.int(),
    total: z.int().min(0),
  });
}

/** One page of a v2 list. */
export type PageOf<T> = { items: T[]; page: number; pageSize: number; total: number };

/** Metadata attached to an execution: string keys to string values. */
export const Metadata = z.record(
  z.string(),
  z.string({ error: "must be a string (metadata maps strings to strings)" }),
);
export type Metadata = z.infer<typeof Metadata>;
