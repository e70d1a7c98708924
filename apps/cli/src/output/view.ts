import type { Style } from "./colour.ts";
import type { Column } from "./table.ts";

/** One line of an item's detail: label, value, and optionally its style. */
export type Field = readonly [
  label: string,
  value: string | number | boolean | undefined | null,
  style?: Style,
];

/** How one kind of thing is printed: its id (for --quiet), its columns in a list, its fields alone. */
export type View<T> = {
  /** The word for one of them, for hints such as "page 1 of 3 (120 pools)". */
  readonly noun: string;
  readonly nouns: string;
  readonly id: (item: T) => string;
  readonly columns: readonly Column<T>[];
  readonly fields: (item: T) => readonly Field[];
};
