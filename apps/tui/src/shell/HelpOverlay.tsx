import { Box, Text } from "ink";
import { clip, fit } from "../common/cells.ts";
import { useTheme } from "../common/theme.ts";
import type { ResolvedBinding } from "../keys/binding.ts";

/** A titled group of bindings in the help. */
export type HelpGroup = { readonly title: string; readonly bindings: readonly ResolvedBinding[] };

/** One line of the help: a group's title, or a binding (with why it is off, when it is). */
export type HelpLine =
  | { readonly kind: "title"; readonly text: string }
  | { readonly kind: "key"; readonly label: string; readonly text: string; readonly disabled: boolean }
  | { readonly kind: "reason"; readonly text: string };

const LABEL_WIDTH = 16;
const COLUMN_WIDTH = 62;

/** The help's lines for `groups`, from the same bindings that handle the keys. */
export function helpLines(groups: readonly HelpGroup[]): HelpLine[] {
  return groups.flatMap((group) => [
    { kind: "title", text: group.title } as const,
    ...group.bindings.flatMap((binding): HelpLine[] => [
      {
        kind: "key",
        label: binding.label,
        text: binding.description,
        disabled: binding.disabledReason !== undefined,
      },
      ...(binding.disabledReason === undefined
        ? []
        : [{ kind: "reason", text: `not now: ${binding.disabledReason}` } as const]),
    ]),
  ]);
}

/**
 * Packs whole groups into columns of `rows` lines; undefined when they need more than `columns`
 * columns (the overlay then scrolls one list instead).
 */
export function packHelp(
  groups: readonly HelpGroup[],
  rows: number,
  columns: number,
): HelpLine[][] | undefined {
  const packed: HelpLine[][] = [[]];
  for (const group of groups) {
    const lines = helpLines([group]);
    let column = packed[packed.length - 1] as HelpLine[];
    if (column.length > 0 && column.length + lines.length > rows) {
      column = [];
      packed.push(column);
    }
    column.push(...lines);
  }
  return packed.length <= columns && packed.every((c) => c.length <= rows) ? packed : undefined;
}

/**
 * The keys of where the user is (the view with the keys, then the ones that work everywhere),
 * built from their bindings tables; one that cannot be done now says why. Shown in place of the
 * screen until Esc or `?`; j/k scroll it when it does not fit.
 */
export function HelpOverlay(props: {
  readonly groups: readonly HelpGroup[];
  readonly height: number;
  readonly width: number;
  readonly offset: number;
}) {
  const theme = useTheme();
  const rows = Math.max(1, props.height - 1);
  const columns = Math.max(1, Math.floor(props.width / COLUMN_WIDTH));
  const width = Math.floor(props.width / columns);
  const packed = packHelp(props.groups, rows, columns);
  let shown: HelpLine[][];
  if (packed) shown = packed;
  else {
    const window = helpLines(props.groups).slice(props.offset, props.offset + rows * columns);
    shown = Array.from({ length: columns }, (_, i) => window.slice(i * rows, (i + 1) * rows));
  }
  return (
    <Box flexDirection="column" height={props.height} flexShrink={0}>
      <Text bold color={theme.accent}>
        {clip(` Keys (Esc or ? closes this${packed ? "" : "; j/k scroll"})`, props.width)}
      </Text>
      <Box flexDirection="row">
        {shown.map((lines, index) => (
          <Box key={String(index)} flexDirection="column" width={width} flexShrink={0}>
            {lines.map((line, row) =>
              line.kind === "title" ? (
                <Text key={`${String(row)}-${line.text}`} bold>
                  {clip(` ${line.text}`, width)}
                </Text>
              ) : line.kind === "reason" ? (
                <Text key={`${String(row)}-reason`} color={theme.warning}>
                  {clip(`${" ".repeat(LABEL_WIDTH)}${line.text}`, width)}
                </Text>
              ) : (
                <Text key={`${String(row)}-${line.label}`} dimColor={line.disabled}>
                  <Text color={theme.accent}>{fit(`  ${line.label}`, LABEL_WIDTH)}</Text>
                  {clip(line.text, width - LABEL_WIDTH)}
                </Text>
              ),
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
