import { formatDuration } from "@agentdeck/core";
import type { Printer } from "../output/printer.ts";
import { sanitize } from "../output/sanitize.ts";
import { clip } from "../output/width.ts";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const TICK_MS = 250;

/**
 * One line on stderr that says what a long wait is at (`⠹ execution 7d9f… running · 12s`), redrawn
 * in place and clipped to the terminal so it never wraps. Only on a terminal: piped, a wait prints
 * nothing until it is over.
 */
export class Progress {
  private text = "";
  private trouble: { text: string; until: number } | undefined;
  private frame = 0;
  private shown = false;
  private readonly started = Date.now();
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(private readonly out: Printer) {
    if (!out.statusOnTerminal) return;
    this.timer = setInterval(() => void this.draw(), TICK_MS);
    this.timer.unref();
  }

  /** What the line says now (sanitised: it may carry a status from the server). */
  set(text: string): void {
    this.text = sanitize(text);
    this.trouble = undefined;
    void this.draw();
  }

  /**
   * A passing problem (a poll that failed and is being tried again), shown after the text for
   * `forMs`: until the next try has had its chance. A success says nothing, so the note lapses.
   */
  note(text: string, forMs: number): void {
    this.trouble = { text: sanitize(text), until: Date.now() + forMs };
    void this.draw();
  }

  private async draw(): Promise<void> {
    if (!this.out.statusOnTerminal || this.text === "") return;
    this.frame = (this.frame + 1) % FRAMES.length;
    const elapsed = formatDuration(Date.now() - this.started);
    if (this.trouble !== undefined && Date.now() > this.trouble.until) this.trouble = undefined;
    const trouble = this.trouble === undefined ? "" : ` · ${this.trouble.text}`;
    const line = clip(`${FRAMES[this.frame]} ${this.text} · ${elapsed}${trouble}`, this.out.statusWidth - 1);
    await this.out.status(`\r\u001b[2K${line}`);
    this.shown = true;
  }

  /** Takes the line away, so other output starts on a clean line. */
  async clear(): Promise<void> {
    if (!this.shown) return;
    this.shown = false;
    await this.out.status("\r\u001b[2K");
  }

  /** Runs `print` with the line out of the way, then draws it again. */
  async around(print: () => Promise<void>): Promise<void> {
    await this.clear();
    await print();
    await this.draw();
  }

  /** Stops for good. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.clear();
  }
}
