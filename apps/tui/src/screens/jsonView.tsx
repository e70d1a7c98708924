import { Box, Text } from "ink";
import { clip } from "../common/cells.ts";
import { formatValue } from "../common/format.ts";
import { sanitize } from "../common/sanitize.ts";
import { useTheme } from "../common/theme.ts";
import type { Binding } from "../keys/binding.ts";
import { HintLine } from "../keys/HintLine.tsx";
import type { View, ViewContext, ViewProps } from "../shell/viewStack.ts";

/** A record as indented JSON, scrolled to `top`. */
export type JsonState = { readonly title: string; readonly lines: readonly string[]; readonly top: number };

/** The JSON view's state for `value`. */
export function jsonOf(title: string, value: unknown): JsonState {
  return { title, lines: sanitize(formatValue(value), { multiline: true }).split("\n"), top: 0 };
}

type Context = ViewContext<JsonState>;

/** Lines of JSON on screen: the view's height less its title and hint line. */
const room = (c: Context) => Math.max(1, c.area.height - 2);
const scroll = (by: (c: Context) => number) => (c: Context) =>
  c.set((s) => ({ ...s, top: Math.max(0, Math.min(s.top + by(c), s.lines.length - room(c))) }));

const BINDINGS: readonly Binding<Context>[] = [
  { keys: ["j", "down"], description: "down a line", handler: scroll(() => 1) },
  { keys: ["k", "up"], description: "up a line", handler: scroll(() => -1) },
  { keys: ["ctrl+d"], description: "down half a screen", handler: scroll((c) => Math.floor(room(c) / 2)) },
  { keys: ["ctrl+u"], description: "up half a screen", handler: scroll((c) => -Math.floor(room(c) / 2)) },
  { keys: ["pagedown", " "], description: "down one screen", hint: "page", handler: scroll(room) },
  { keys: ["pageup"], description: "up one screen", handler: scroll((c) => -room(c)) },
  { keys: ["g", "home"], description: "the first line", handler: (c) => c.set((s) => ({ ...s, top: 0 })) },
  {
    keys: ["G", "end"],
    description: "the last line",
    hint: "end",
    handler: scroll((c) => c.state.lines.length),
  },
  {
    keys: ["y"],
    description: "copy the JSON to the clipboard",
    hint: "copy",
    handler: (c) => {
      c.session.copy(c.state.lines.join("\n"));
      c.report.info("Copied the JSON to the clipboard.");
    },
  },
  { keys: ["esc"], description: "back", hint: "back", handler: (c) => c.stack.close(c.id) },
];

function Json({ context, bindings }: ViewProps<JsonState>) {
  const theme = useTheme();
  const { state, area } = context;
  const shown = state.lines.slice(state.top, state.top + Math.max(1, area.height - 2));
  const where = `${state.top + 1}–${state.top + shown.length} of ${state.lines.length}`;
  return (
    <Box flexDirection="column" height={area.height} flexShrink={0}>
      <Text bold>
        {clip(` ${sanitize(state.title)}`, area.width - where.length - 2)}
        <Text color={theme.muted}>{`  ${where}`}</Text>
      </Text>
      {shown.map((line, index) => (
        <Text key={index}>{clip(` ${line}`, area.width)}</Text>
      ))}
      <Box flexGrow={1} />
      <Text>
        {" "}
        <HintLine bindings={bindings} width={area.width - 1} />
      </Text>
    </Box>
  );
}

/** Any record in full, as JSON, scrollable to its end (k9s's YAML view). */
export const JSON_VIEW: View<JsonState> = {
  title: "JSON",
  bindings: () => BINDINGS,
  Render: Json,
};
