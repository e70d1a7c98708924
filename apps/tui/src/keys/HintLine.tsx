import { Text } from "ink";
import { cellWidth, clip } from "../common/cells.ts";
import { useTheme } from "../common/theme.ts";
import type { ResolvedBinding } from "./binding.ts";
import { keyLabel } from "./keyLabel.ts";

const SEPARATOR = " · ";

/** One hint: the binding's first key and its word (`e edit`). */
export function hintText(binding: ResolvedBinding): string {
  return `${keyLabel(binding.keys[0] as string)} ${binding.hint ?? ""}`;
}

/**
 * The line of key hints under a view, built from its bindings table: every binding with a hint,
 * in table order; one that cannot be done now is dimmed (the help says why). Hints that do not
 * fit in `width` are left out from the end, never cut in half.
 */
export function HintLine(props: { readonly bindings: readonly ResolvedBinding[]; readonly width: number }) {
  const theme = useTheme();
  const hints = props.bindings.filter((b) => b.hint !== undefined);
  const shown: ResolvedBinding[] = [];
  let used = 0;
  for (const hint of hints) {
    const width = cellWidth(hintText(hint)) + (shown.length > 0 ? SEPARATOR.length : 0);
    if (used + width > props.width) break;
    shown.push(hint);
    used += width;
  }
  if (shown.length === 0 && hints[0]) {
    return <Text color={theme.muted}>{clip(hintText(hints[0]), props.width)}</Text>;
  }
  return (
    <Text color={theme.muted}>
      {shown.map((hint, index) => (
        <Text key={hint.label}>
          {index > 0 ? SEPARATOR : ""}
          <Text
            dimColor={hint.disabledReason !== undefined}
            strikethrough={hint.disabledReason !== undefined}
          >
            {hintText(hint)}
          </Text>
        </Text>
      ))}
    </Text>
  );
}
