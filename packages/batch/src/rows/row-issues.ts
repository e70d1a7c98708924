/** One problem with the rows file: where it is (line and column, when known) and what is allowed. */
export type RowIssue = {
  /** 1-based line of the file (for JSON arrays, the item's position); undefined for the file as a whole. */
  line: number | undefined;
  /** The column (CSV header, JSON field, or `inputs.x` / `metadata.y`) the problem is in. */
  column?: string | undefined;
  message: string;
};

/** Where an issue is, as people read it: `line 4, column "qty"`. */
export function describeIssue(issue: RowIssue, lineWord = "line"): string {
  const where = [
    issue.line === undefined ? undefined : `${lineWord} ${issue.line}`,
    issue.column === undefined ? undefined : `column "${issue.column}"`,
  ].filter((part) => part !== undefined);
  return where.length === 0 ? issue.message : `${where.join(", ")}: ${issue.message}`;
}

/** How many issues a RowsError lists in its message; the rest are counted. */
export const LISTED_ISSUES = 20;

/**
 * The rows could not all be read: nothing was started. `issues` holds the first problems found
 * (at most LISTED_ISSUES), `total` how many there were in the whole file.
 */
export class RowsError extends Error {
  override name = "RowsError";
  readonly source: string;
  readonly issues: RowIssue[];
  readonly total: number;
  /** What a position is called: `line` (CSV, JSONL) or `item` (a JSON array). */
  readonly lineWord: string;

  constructor(source: string, issues: RowIssue[], total = issues.length, lineWord = "line") {
    const listed = issues.map((issue) => `  ${describeIssue(issue, lineWord)}`).join("\n");
    const more = total > issues.length ? `\n  … and ${total - issues.length} more` : "";
    super(
      `${source}: ${total === 1 ? "1 problem" : `${total} problems`}; nothing was started. Fix the rows and run again.\n${listed}${more}`,
    );
    this.source = source;
    this.issues = issues;
    this.total = total;
    this.lineWord = lineWord;
  }
}

/** Collects issues while a file is read through, keeping the first LISTED_ISSUES and counting the rest. */
export class IssueList {
  readonly kept: RowIssue[] = [];
  total = 0;

  add(issue: RowIssue): void {
    this.total++;
    if (this.kept.length < LISTED_ISSUES) this.kept.push(issue);
  }

  /** Throws a RowsError when anything was added. */
  throwIfAny(source: string, lineWord?: string): void {
    if (this.total > 0) throw new RowsError(source, this.kept, this.total, lineWord);
  }
}
