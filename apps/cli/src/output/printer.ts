import type { OutputStream } from "../io.ts";
import type { Paint, Style } from "./colour.ts";
import { toJson, toJsonLine } from "./json.ts";
import { sanitize } from "./sanitize.ts";
import type { Field, View } from "./view.ts";

/** `--json`, `--quiet` (ids only), or the default: a table on a terminal, tab-separated lines in a pipe. */
export type OutputMode = "table" | "json" | "quiet";

/** A page of a v2 list, as core returns it. */
export type Page<T> = {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
};

/** One item as a tab-separated line, for `cut`, `awk` and `while read`: what a pipe gets. */
function tabSeparated<T>(view: View<T>, item: T): string {
  return view.columns.map((column) => sanitize(column.cell(item))).join("\t");
}

// Tables load ./table.ts (and string-width with it) only when they are drawn: JSON, ids and piped
// rows never need display widths.

/**
 * Everything a command prints goes through here, so each output mode is written once: data on
 * stdout, hints and warnings on stderr, and every line passed through `redact` on its way out.
 */
export class Printer {
  private redactors: ((text: string) => string)[] = [];

  constructor(
    private readonly stdout: OutputStream,
    private readonly stderr: OutputStream,
    readonly mode: OutputMode,
    readonly paint: Paint,
  ) {}

  /** From now on every occurrence of these secrets is replaced before anything is written. */
  hideSecrets(redact: (text: string) => string): void {
    this.redactors.push(redact);
  }

  private clean(text: string): string {
    return this.redactors.reduce((out, redact) => redact(out), text);
  }

  /** Whether stdout is a terminal: tables are aligned and clipped there, tab-separated otherwise. */
  get onTerminal(): boolean {
    return this.stdout.isTTY;
  }

  /** Lines to stdout as they are (already sanitised by the caller). */
  async lines(lines: readonly string[]): Promise<void> {
    if (lines.length > 0) await this.stdout.write(this.clean(`${lines.join("\n")}\n`));
  }

  /** Data to stdout as it comes (a download): text is redacted as everything else; bytes go as they are. */
  async raw(chunk: string | Uint8Array): Promise<void> {
    await this.stdout.write(typeof chunk === "string" ? this.clean(chunk) : chunk);
  }

  /** A hint for a person at a terminal (stderr, dim); nothing when stderr is not a terminal. */
  async hint(text: string): Promise<void> {
    if (this.stderr.isTTY) await this.stderr.write(this.clean(`${this.paint("dim", sanitize(text))}\n`));
  }

  /** A warning, always on stderr. */
  async warn(text: string): Promise<void> {
    await this.stderr.write(this.clean(`agentdeck: warning: ${sanitize(text)}\n`));
  }

  /** The one-line message of a failure, on stderr. */
  async fail(text: string): Promise<void> {
    await this.stderr.write(this.clean(`agentdeck: ${sanitize(text)}\n`));
  }

  /** Raw text to stderr, for progress lines that redraw themselves. */
  async status(text: string): Promise<void> {
    await this.stderr.write(this.clean(text));
  }

  get statusOnTerminal(): boolean {
    return this.stderr.isTTY;
  }

  /** The width of the terminal stderr is on, for a status line that must not wrap. */
  get statusWidth(): number {
    return this.stderr.columns ?? 80;
  }

  get width(): number | undefined {
    return this.stdout.isTTY ? (this.stdout.columns ?? 80) : undefined;
  }

  /** One thing: its JSON, its id, or its fields. */
  async item<T>(value: T, view: View<T>, json: unknown = value): Promise<void> {
    if (this.mode === "json") return this.lines([toJson(json)]);
    if (this.mode === "quiet") return this.lines([sanitize(view.id(value))]);
    await this.fields(view.fields(value));
  }

  /** `label  value` lines, aligned on a terminal, tab-separated in a pipe. */
  async fields(fields: readonly Field[]): Promise<void> {
    const { renderFields } = await import("./table.ts");
    await this.lines(
      renderFields(fields, {
        width: this.width,
        paint: this.paint,
        ...(this.onTerminal ? {} : { separator: "\t" }),
      }),
    );
  }

  /** One page of a list: the page as JSON (items, page, pageSize, total), its ids, or a table and a hint. */
  async page<T>(page: Page<T>, view: View<T>): Promise<void> {
    if (this.mode === "json") return this.lines([toJson(page)]);
    await this.rows(page.items, view);
    if (this.mode === "table") {
      const pages = Math.max(1, Math.ceil(page.total / Math.max(1, page.pageSize)));
      const more = page.page < pages ? `; --page ${page.page + 1} for the next, --all for every one` : "";
      await this.hint(
        `page ${page.page} of ${pages} (${page.total} ${page.total === 1 ? view.noun : view.nouns})${more}`,
      );
    }
  }

  /** A list that is not paged (activities, organizations): JSON array, ids, or a table. */
  async list<T>(items: readonly T[], view: View<T>, json: unknown = items): Promise<void> {
    if (this.mode === "json") return this.lines([toJson(json)]);
    await this.rows(items, view);
  }

  /**
   * Every item of a walk (`--all`): NDJSON, one object a line, or ids, written as they arrive; a
   * table on a terminal once the walk is over (its columns need every row); tab-separated in a pipe.
   */
  async stream<T>(items: AsyncIterable<T>, view: View<T>): Promise<number> {
    let count = 0;
    const buffered: T[] = [];
    for await (const item of items) {
      count++;
      if (this.mode === "json") await this.lines([toJsonLine(item)]);
      else if (this.mode === "quiet") await this.lines([sanitize(view.id(item))]);
      else if (this.onTerminal) buffered.push(item);
      else await this.lines([tabSeparated(view, item)]);
    }
    if (buffered.length > 0) await this.rows(buffered, view);
    return count;
  }

  /** One NDJSON line (for --follow --json). */
  async jsonLine(value: unknown): Promise<void> {
    await this.lines([toJsonLine(value)]);
  }

  /** The result of an action: the JSON given, the id (with --quiet, or in a pipe), or a sentence. */
  async done(sentence: string, json: unknown, id: string, style?: Style): Promise<void> {
    if (this.mode === "json") return this.lines([toJson(json)]);
    if (this.mode === "quiet" || !this.onTerminal) return this.lines([sanitize(id)]);
    await this.lines([this.paint(style, sanitize(sentence))]);
  }

  private async rows<T>(items: readonly T[], view: View<T>): Promise<void> {
    if (this.mode === "quiet") return this.lines(items.map((item) => sanitize(view.id(item))));
    if (!this.onTerminal) return this.lines(items.map((item) => tabSeparated(view, item)));
    if (items.length === 0) return this.hint(`no ${view.nouns}`);
    const { renderTable } = await import("./table.ts");
    await this.lines(renderTable(view.columns, items, { width: this.width, paint: this.paint }));
  }
}
