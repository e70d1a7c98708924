/**
 * Just enough of a VT100/xterm screen to know what a program in a pseudo-terminal shows: printable
 * text, carriage return and line feed, cursor moves, erases and scrolling. Colours and modes are
 * read and dropped. Ink draws a changed frame as partial line updates, so matching text in the raw
 * byte stream would be wrong; matching the screen is what a person sees.
 */
export class Screen {
  readonly columns: number;
  readonly rows: number;
  private cells: string[][];
  private row = 0;
  private column = 0;
  private saved = { row: 0, column: 0 };
  /** An escape sequence cut in half by a read; finished by the next one. */
  private pending = "";

  constructor(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.cells = Array.from({ length: rows }, () => this.blankLine());
  }

  /** The screen as lines of text, trailing spaces trimmed. */
  lines(): string[] {
    return this.cells.map((line) => line.join("").trimEnd());
  }

  /** The screen as one string, lines joined by newlines. */
  text(): string {
    return this.lines().join("\n");
  }

  /** Feeds what the program wrote. */
  write(data: string): void {
    const input = this.pending + data;
    this.pending = "";
    let i = 0;
    while (i < input.length) {
      const ch = input[i] as string;
      if (ch === "\x1b") {
        const used = this.escape(input, i);
        if (used === 0) {
          this.pending = input.slice(i);
          return;
        }
        i += used;
        continue;
      }
      const code = input.codePointAt(i) as number;
      const width = code > 0xffff ? 2 : 1;
      i += width;
      if (ch === "\r") this.column = 0;
      else if (ch === "\n" || ch === "\v" || ch === "\f") this.lineFeed();
      else if (ch === "\b") this.column = Math.max(0, this.column - 1);
      else if (ch === "\t") this.column = Math.min(this.columns - 1, (Math.floor(this.column / 8) + 1) * 8);
      else if (code >= 0x20 && code !== 0x7f) this.put(String.fromCodePoint(code));
    }
  }

  private blankLine(): string[] {
    return Array.from({ length: this.columns }, () => " ");
  }

  private put(glyph: string): void {
    // Autowrap: a glyph written past the last column goes to the start of the next line.
    if (this.column >= this.columns) {
      this.column = 0;
      this.lineFeed();
    }
    (this.cells[this.row] as string[])[this.column] = glyph;
    this.column++;
  }

  private lineFeed(): void {
    if (this.row < this.rows - 1) {
      this.row++;
      return;
    }
    this.cells.shift();
    this.cells.push(this.blankLine());
  }

  private moveTo(row: number, column: number): void {
    this.row = Math.min(Math.max(0, row), this.rows - 1);
    this.column = Math.min(Math.max(0, column), this.columns - 1);
  }

  private eraseLine(line: number, from: number, to: number): void {
    const cells = this.cells[line] as string[];
    for (let c = Math.max(0, from); c < Math.min(this.columns, to); c++) cells[c] = " ";
  }

  /** Interprets the escape sequence at `start`; returns its length, or 0 when it is not complete yet. */
  private escape(input: string, start: number): number {
    const kind = input[start + 1];
    if (kind === undefined) return 0;
    if (kind === "[") {
      // CSI: ESC [ private-mark? params intermediates final
      const body = input.slice(start + 1, start + 64);
      const match = /^\[([?>=!]?)([\d;:]*)[ -/]*([@-~])/.exec(body);
      if (match === null) return /^\[[?>=!]?[\d;:]*[ -/]*$/.test(body) ? 0 : 2;
      const [all, privateMark, params, final] = match as unknown as [string, string, string, string];
      if (privateMark === "")
        this.csi(
          final,
          params.split(";").map((p) => (p === "" ? Number.NaN : Number(p))),
        );
      else if (privateMark === "?" && /^(1049|47|1047)$/.test(params) && (final === "h" || final === "l")) {
        // Alternate screen on or off: either way the program starts from an empty screen.
        this.cells = Array.from({ length: this.rows }, () => this.blankLine());
      }
      return 1 + all.length;
    }
    if (kind === "]" || kind === "P" || kind === "_" || kind === "^") {
      // OSC, DCS, APC, PM: a string ended by BEL or ST.
      const rest = input.slice(start + 2);
      const bel = kind === "]" ? rest.indexOf("\x07") : -1;
      const st = rest.indexOf("\x1b\\");
      const ends = [bel, st].filter((at) => at >= 0);
      if (ends.length === 0) return 0;
      const end = Math.min(...ends);
      return 2 + end + (end === st ? 2 : 1);
    }
    if (kind === "7") this.saved = { row: this.row, column: this.column };
    else if (kind === "8") this.moveTo(this.saved.row, this.saved.column);
    else if (kind === "c") {
      this.cells = Array.from({ length: this.rows }, () => this.blankLine());
      this.moveTo(0, 0);
    } else if (kind === "(" || kind === ")" || kind === "#") return input.length > start + 2 ? 3 : 0;
    return 2;
  }

  private csi(final: string, params: number[]): void {
    const n = (index: number, fallback = 1) => {
      const value = params[index];
      return value === undefined || Number.isNaN(value) || value === 0 ? fallback : value;
    };
    const mode = Number.isNaN(params[0] as number) ? 0 : (params[0] as number);
    // Cursor moves: where each sends the cursor.
    const moves: Record<string, () => [number, number]> = {
      A: () => [this.row - n(0), this.column],
      B: () => [this.row + n(0), this.column],
      C: () => [this.row, this.column + n(0)],
      D: () => [this.row, this.column - n(0)],
      E: () => [this.row + n(0), 0],
      F: () => [this.row - n(0), 0],
      G: () => [this.row, n(0) - 1],
      "`": () => [this.row, n(0) - 1],
      d: () => [n(0) - 1, this.column],
      H: () => [n(0) - 1, n(1) - 1],
      f: () => [n(0) - 1, n(1) - 1],
      u: () => [this.saved.row, this.saved.column],
    };
    const move = moves[final];
    if (move !== undefined) {
      const [row, column] = move();
      this.moveTo(row, column);
    } else if (final === "J") {
      const [from, to] = mode === 0 ? [this.row + 1, this.rows] : mode === 1 ? [0, this.row] : [0, this.rows];
      for (let r = from; r < to; r++) this.eraseLine(r, 0, this.columns);
      if (mode === 0) this.eraseLine(this.row, this.column, this.columns);
      if (mode === 1) this.eraseLine(this.row, 0, this.column + 1);
    } else if (final === "K") {
      if (mode === 0) this.eraseLine(this.row, this.column, this.columns);
      else if (mode === 1) this.eraseLine(this.row, 0, this.column + 1);
      else this.eraseLine(this.row, 0, this.columns);
    } else if (final === "s") {
      this.saved = { row: this.row, column: this.column };
    }
    // Anything else (colours, scroll regions, device queries) is nothing a person reads.
  }
}
