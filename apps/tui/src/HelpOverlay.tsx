import { Box, Text } from "ink";
import { KEY_GROUPS } from "./keys.ts";
import { useTheme } from "./theme.ts";

type Line = { kind: "title"; text: string } | { kind: "key"; label: string; help: string };

const LABEL_WIDTH = 14;
const COLUMN_WIDTH = 60;

const LINES: readonly Line[] = KEY_GROUPS.flatMap((group) => [
  { kind: "title", text: group.title } as const,
  ...group.bindings.map((b) => ({ kind: "key", label: b.label, help: b.help }) as const),
]);

/** How many lines of help there are, so the overlay can be scrolled to the end. */
export const HELP_LINES = LINES.length;

/**
 * Packs whole groups into columns of `rows` lines; undefined when they need more than `columns`
 * columns (the overlay then scrolls one list instead).
 */
export function packHelp(rows: number, columns: number): Line[][] | undefined {
  const packed: Line[][] = [[]];
  for (const group of KEY_GROUPS) {
    const lines = LINES.slice(LINES.findIndex((l) => l.kind === "title" && l.text === group.title)).slice(
      0,
      group.bindings.length + 1,
    );
    let column = packed[packed.length - 1] as Line[];
    if (column.length > 0 && column.length + lines.length > rows) {
      column = [];
      packed.push(column);
    }
    column.push(...lines);
  }
  return packed.length <= columns && packed.every((c) => c.length <= rows) ? packed : undefined;
}

/** Every key, by where it works; shown in place of the screen until Esc or `?`. j/k scroll it when it does not fit. */
export function HelpOverlay(props: {
  readonly height: number;
  readonly width: number;
  readonly offset: number;
}) {
  const theme = useTheme();
  const rows = Math.max(1, props.height - 1);
  const columns = Math.max(1, Math.floor(props.width / COLUMN_WIDTH));
  const packed = packHelp(rows, columns);
  let shown: Line[][];
  if (packed) shown = packed;
  else {
    const window = LINES.slice(props.offset, props.offset + rows * columns);
    shown = Array.from({ length: columns }, (_, i) => window.slice(i * rows, (i + 1) * rows));
  }
  return (
    <Box flexDirection="column" height={props.height} overflow="hidden" paddingX={1}>
      <Text bold color={theme.accent}>
        Keys <Text color={theme.muted}>(Esc or ? closes this{packed ? "" : "; j/k scroll"})</Text>
      </Text>
      <Box flexDirection="row">
        {shown.map((lines, index) => (
          <Box key={String(index)} flexDirection="column" width={COLUMN_WIDTH}>
            {lines.map((line, row) =>
              line.kind === "title" ? (
                <Text key={`${String(row)}-${line.text}`} bold>
                  {line.text}
                </Text>
              ) : (
                <Box key={`${String(row)}-${line.label}`} flexDirection="row">
                  <Box width={LABEL_WIDTH} flexShrink={0}>
                    <Text color={theme.accent}>{line.label}</Text>
                  </Box>
                  <Text wrap="truncate-end">{line.help}</Text>
                </Box>
              ),
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
