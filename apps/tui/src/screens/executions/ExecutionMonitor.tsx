import { describeActivity, formatDuration } from "@agentdeck/core";
import { Box, Text } from "ink";
import { useEffect, useState } from "react";
import { clip, fit } from "../../common/cells.ts";
import { formatMoment, formatValue } from "../../common/format.ts";
import { Line, type Segment } from "../../common/Segments.tsx";
import { sanitize } from "../../common/sanitize.ts";
import { statusColour, type Theme, useTheme } from "../../common/theme.ts";
import { HintLine } from "../../keys/HintLine.tsx";
import type { ViewProps } from "../../shell/viewStack.ts";
import { feedTop } from "./feedScroll.ts";
import type { MonitorState } from "./monitorView.tsx";
import { useExecutionWatch } from "./useExecutionWatch.ts";

/** The most lines of the result shown under the feed; `v` shows it all. */
const RESULT_LINES = 6;

function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

/** How the watch is going, for the status line: live, a failed check and when the next goes, stopped, or finished. */
function watchSegment(state: MonitorState, now: number, theme: Theme): Segment {
  if (state.settled) return { text: " · finished", color: theme.muted };
  if (state.stopped !== undefined)
    return { text: ` · stopped watching (${state.stopped}): R tries again`, color: theme.error };
  const { trouble } = state;
  if (trouble === undefined) return { text: " · watching", color: theme.muted };
  const again = Math.max(0, Math.ceil((trouble.retryAt - now) / 1000));
  const times = trouble.failures > 1 ? `, ${trouble.failures} in a row` : "";
  return {
    text: ` · a check failed (${trouble.reason}${times}); next in ${again}s`,
    color: theme.warning,
  };
}

/**
 * The execution monitor: live status and duration, the activity feed as it arrives, and the
 * outcome and result at the end, laid out to fit its area whatever its size (the feed gives way
 * first, then the result).
 */
export function ExecutionMonitor({ context, bindings }: ViewProps<MonitorState>) {
  const theme = useTheme();
  useExecutionWatch(context);
  const { state, area } = context;
  const { execution, activities } = state;
  const now = useNow(!state.settled);
  const width = area.width - 1;
  const result = execution?.executionResult;
  const resultText = result ? sanitize(formatValue(result.result), { multiline: true }).split("\n") : [];
  // Title, status and the hint line always show; the result and the feed share the rest.
  const room = Math.max(0, area.height - 3);
  const resultWanted = result
    ? 2 + Math.min(RESULT_LINES, resultText.length) + (resultText.length > RESULT_LINES ? 1 : 0)
    : 0;
  const resultRows = Math.min(resultWanted, Math.max(0, room - 1));
  const feedRows = Math.max(0, room - resultRows);
  // The feed's keys scroll by the rows it has on screen.
  const { set } = context;
  useEffect(() => {
    if (feedRows > 0) set((s) => (s.feedRows === feedRows ? s : { ...s, feedRows }));
  }, [feedRows, set]);

  if (execution === undefined) {
    return (
      <Box flexDirection="column" height={area.height} flexShrink={0}>
        <Text bold>{clip(` Execution ${state.executionId}`, area.width)}</Text>
        <Text color={theme.muted}> loading…</Text>
      </Box>
    );
  }

  const top = feedTop(state.scroll, activities.length, feedRows);
  const visible = activities.slice(top, top + feedRows);

  const started = Date.parse(execution.createdAt);
  const ended = execution.terminalAt ? Date.parse(execution.terminalAt) : undefined;
  const status = [
    { text: ` ● ${sanitize(execution.status)}`, color: statusColour(theme, execution.status), bold: true },
    { text: " · duration ", color: theme.muted },
    { text: formatDuration((ended ?? now) - started) },
    ...(execution.agentProfileName
      ? [{ text: " · profile ", color: theme.muted }, { text: sanitize(execution.agentProfileName) }]
      : []),
    watchSegment(state, now, theme),
    ...(state.scroll.follow ? [] : [{ text: " · scrolled (G follows)", color: theme.muted }]),
  ];
  const resultLines: string[] = [];
  if (result && resultRows > 0) {
    const shown = Math.max(0, resultRows - 2);
    const more = resultText.length > shown;
    const body = resultText.slice(0, more ? Math.max(0, shown - 1) : shown);
    resultLines.push(...body.map((line) => `   ${line}`));
    if (more && shown > 0)
      resultLines.push(`   … ${resultText.length - body.length} more lines: v shows them all`);
  }
  return (
    <Box flexDirection="column" height={area.height} flexShrink={0}>
      <Line
        width={area.width}
        segments={[
          { text: ` Execution ${sanitize(execution.id)}`, bold: true },
          { text: " · agent ", color: theme.muted },
          { text: sanitize(execution.agentName), bold: true },
        ]}
      />
      <Line width={area.width} segments={status} />
      {visible.length === 0 && feedRows > 0 ? <Text color={theme.muted}> no activity yet</Text> : null}
      {visible.map((activity) => {
        const line = describeActivity(activity.payload);
        return (
          <Line
            key={activity.id}
            width={area.width}
            segments={[
              { text: ` ${formatMoment(activity.timestamp)} `, color: theme.muted },
              { text: fit(sanitize(line.label), 8), color: theme.accent },
              { text: sanitize(line.text) },
            ]}
          />
        );
      })}
      <Box flexGrow={1} />
      {result && resultRows > 0 ? (
        <>
          <Line
            width={area.width}
            segments={[
              { text: " Outcome ", color: theme.muted },
              { text: sanitize(result.outcome), bold: true, color: statusColour(theme, execution.status) },
              { text: " · ", color: theme.muted },
              { text: sanitize(result.reasoning) },
            ]}
          />
          {resultRows > 1 ? <Text color={theme.muted}> Result</Text> : null}
          {resultLines.map((line, index) => (
            <Text key={index}>{clip(line, width)}</Text>
          ))}
        </>
      ) : null}
      <Text>
        {" "}
        <HintLine bindings={bindings} width={width} />
      </Text>
    </Box>
  );
}
