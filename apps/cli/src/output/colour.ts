/** The few styles agentdeck uses: a colour for each kind of status, bold headers, dim hints. */
export type Style = "bold" | "dim" | "green" | "red" | "yellow" | "cyan";

const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  green: [32, 39],
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

/** Applies styles, or nothing at all when colour is off. */
export type Paint = (style: Style | undefined, text: string) => string;

/** Colour is on for a terminal unless `NO_COLOR` is set (to anything), `TERM=dumb`, or `--no-color`. */
export function colourWanted(
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
  flag: boolean,
): boolean {
  return flag && isTTY && !env.NO_COLOR && env.TERM !== "dumb";
}

/** A painter: ANSI SGR codes when `enabled`, the text unchanged otherwise. */
export function painter(enabled: boolean): Paint {
  if (!enabled) return (_style, text) => text;
  return (style, text) => {
    if (style === undefined || text === "") return text;
    const [on, off] = CODES[style];
    return `\u001b[${on}m${text}\u001b[${off}m`;
  };
}

/** The style of an execution or registry status: green done, red failed, yellow waiting on someone, cyan moving. */
export function statusStyle(status: string): Style | undefined {
  if (status === "completed" || status === "active") return "green";
  if (status === "failed") return "red";
  if (status === "cancelled" || status === "retired") return "dim";
  if (status.startsWith("paused") || status === "awaiting_confirmation" || status === "pending")
    return "yellow";
  if (status === "running" || status === "starting") return "cyan";
  return undefined;
}
