import { Text } from "ink";
import { memo } from "react";
import { cellWidth, clip } from "../common/cells.ts";
import { useTheme } from "../common/theme.ts";
import type { ResolvedBinding } from "./binding.ts";
import { keyLabel } from "./keyLabel.ts";

const SEPARATOR = " · ";

/** One hint: the binding's first key and its word (`e edit`). */
export function hintText(binding: ResolvedBinding): string {
  return `${keyLabel(binding.keys[0] as string)} ${binding.hint ?? ""}`;
}

/** What the hint line draws: runs of hints, each run either doable now or not (drawn dim and struck through). */
export function hintRuns(
  bindings: readonly ResolvedBinding[],
  width: number,
): { text: string; off: boolean }[] {
  const hints = bindings.filter((b) => b.hint !== undefined);
  const runs: { text: string; off: boolean }[] = [];
  const add = (text: string, off: boolean) => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.off === off) last.text += text;
    else runs.push({ text, off });
  };
  let used = 0;
  for (const hint of hints) {
    const text = hintText(hint);
    const gap = used > 0 ? SEPARATOR : "";
    if (used + gap.length + cellWidth(text) > width) break;
    used += gap.length + cellWidth(text);
    // The separators are never dimmed: only what cannot be done now is.
    if (gap !== "") add(gap, false);
    add(text, hint.disabledReason !== undefined);
  }
  if (runs.length === 0 && hints[0]) runs.push({ text: clip(hintText(hints[0]), width), off: false });
  return runs;
}

/**
 * The line of key hints under a view, built from its bindings table: every binding with a hint,
 * in table order; one that cannot be done now is dimmed (the help says why). Hints that do not
 * fit in `width` are left out from the end, never cut in half.
 */
export const HintLine = memo(
  function HintLine(props: { readonly bindings: readonly ResolvedBinding[]; readonly width: number }) {
    const theme = useTheme();
    const runs = hintRuns(props.bindings, props.width);
    return (
      <Text color={theme.muted}>
        {runs.map((run) =>
          run.off ? (
            <Text key={run.text} dimColor strikethrough>
              {run.text}
            </Text>
          ) : (
            run.text
          ),
        )}
      </Text>
    );
  },
  // Drawn again only when what it shows changes, not with every new resolution of the same table.
  (before, after) => before.width === after.width && sameHints(before.bindings, after.bindings),
);

function sameHints(a: readonly ResolvedBinding[], b: readonly ResolvedBinding[]): boolean {
  if (a.length !== b.length) return false;
  return a.every(
    (x, i) => x.hint === b[i]?.hint && x.label === b[i]?.label && x.disabledReason === b[i]?.disabledReason,
  );
}
