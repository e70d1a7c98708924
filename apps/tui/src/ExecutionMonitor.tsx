import { Box, Text } from "ink";
import { useEffect, useState } from "react";
import { describeActivity } from "./activity.ts";
import { type Steer, steerBlocked } from "./executionActions.ts";
import { type FeedScroll, FOLLOWING, feedTop, scrollFeed } from "./feedScroll.ts";
import { formatDuration, formatValue } from "./format.ts";
import { useKeyHandler } from "./keyRouter.ts";
import { actionFor, type KeyPress, keyPresses, MONITOR_KEYS, singleKeys } from "./keys.ts";
import { sanitize } from "./sanitize.ts";
import { useSession } from "./session.ts";
import { TextField } from "./TextField.tsx";
import { editText, type TextCursor } from "./textEdit.ts";
import { statusColour, useTheme } from "./theme.ts";
import { isSettled, useExecution } from "./useExecution.ts";
import { useLatest } from "./useLatest.ts";

type Prompt =
  | { kind: "none" }
  | { kind: "confirmCancel" }
  | ({ kind: "message"; sending: boolean } & TextCursor);

const NONE: Prompt = { kind: "none" };
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

/**
 * The execution monitor: live status and duration, the activity feed as it arrives, and the
 * outcome and result at the end. `p` pauses, `r` resumes, `c` cancels (after y), `m` sends a message.
 */
export function ExecutionMonitor(props: {
  readonly executionId: string;
  readonly active: boolean;
  readonly height: number;
  readonly onClose: () => void;
  /** Tells the screen, as soon as it changes, whether a prompt takes the keys (typing a message, answering y/n). */
  readonly onTyping: (typing: boolean) => void;
}) {
  const theme = useTheme();
  const session = useSession();
  const source = `monitor:${props.executionId}`;
  const { execution, activities, delayMs, poke } = useExecution(session.client, props.executionId, {
    ok: () => session.succeeded(source),
    failed: (error) => session.failed(source, error, "refresh the execution"),
  });
  const [scroll, setScroll] = useState<FeedScroll>(FOLLOWING);
  const [prompt, setPrompt] = useState<Prompt>(NONE);
  const latestPrompt = useLatest(prompt);
  const settled = isSettled(execution);
  const now = useNow(!settled);

  const typing = prompt.kind !== "none";
  const { onTyping } = props;
  useEffect(() => onTyping(typing), [typing, onTyping]);

  const result = execution?.executionResult;
  const resultText = result ? formatValue(result.result).split("\n") : [];
  // Title, status, the gap above the feed, the gap above the keys and the keys; then the result block.
  const resultRows = result
    ? 3 + Math.min(RESULT_LINES, resultText.length) + (resultText.length > RESULT_LINES ? 1 : 0)
    : 0;
  const feedHeight = Math.max(1, props.height - 5 - resultRows);

  const steer = (what: Steer) => {
    if (execution === undefined) return;
    const blocked = steerBlocked(what, execution.status);
    if (blocked !== undefined) {
      session.notify({ kind: "warning", text: `Cannot ${what}: ${blocked}.`, source });
      return;
    }
    const call =
      what === "pause"
        ? session.client.executions.pause(execution.id)
        : what === "resume"
          ? session.client.executions.resume(execution.id)
          : session.client.executions.cancel(execution.id);
    call.then(
      () => {
        session.notify({ kind: "info", text: `Asked to ${what} the execution.`, source });
        poke();
      },
      (error: unknown) => session.failed(source, error, `${what} the execution`),
    );
  };

  const send = (text: string) => {
    if (execution === undefined) return;
    session.client.executions.sendMessage(execution.id, text).then(
      () => {
        setPrompt(NONE);
        session.notify({ kind: "info", text: "Message sent.", source });
        poke();
      },
      (error: unknown) => {
        // The message stays in the box, so nothing typed is lost.
        setPrompt({ kind: "message", value: text, cursor: text.length, sending: false });
        session.failed(source, error, "send the message");
      },
    );
  };

  // One key; returns the prompt after it (the keys of one chunk are applied in turn).
  const onKey = (press: KeyPress, current: Prompt): Prompt => {
    if (current.kind === "confirmCancel") {
      if (press.name === "y" || press.name === "Y") {
        steer("cancel");
        return NONE;
      }
      return ["n", "N", "esc"].includes(press.name) ? NONE : current;
    }
    if (current.kind === "message") {
      if (press.name === "esc") return NONE;
      if (current.sending) return current;
      if (press.name === "enter") {
        if (current.value.trim() !== "") send(current.value);
        return current.value.trim() === "" ? current : { ...current, sending: true };
      }
      const edited = editText(current, press);
      return edited ? { ...current, ...edited } : current;
    }
    switch (actionFor(MONITOR_KEYS, press.name)) {
      case "pause":
        steer("pause");
        break;
      case "resume":
        steer("resume");
        break;
      case "cancel":
        if (execution && steerBlocked("cancel", execution.status) === undefined)
          return { kind: "confirmCancel" };
        steer("cancel");
        break;
      case "message":
        return { kind: "message", value: "", cursor: 0, sending: false };
      case "scrollDown":
        setScroll((s) => scrollFeed(s, 1, activities.length, feedHeight));
        break;
      case "scrollUp":
        setScroll((s) => scrollFeed(s, -1, activities.length, feedHeight));
        break;
      case "follow":
        setScroll(FOLLOWING);
        break;
      case "oldest":
        setScroll({ follow: false, top: 0 });
        break;
      case "refresh":
        poke();
        break;
      case "close":
        props.onClose();
        break;
    }
    return current;
  };

  useKeyHandler((input, key) => {
    let current = latestPrompt.current;
    for (const press of keyPresses(input, key)) {
      const presses = current.kind === "message" ? [press] : singleKeys(press);
      for (const one of presses) current = onKey(one, current);
    }
    if (current !== latestPrompt.current) {
      latestPrompt.current = current;
      props.onTyping(current.kind !== "none");
      setPrompt(current);
    }
  }, props.active);

  if (execution === undefined) {
    return (
      <Box flexDirection="column" paddingX={1} height={props.height}>
        <Text bold>Execution {props.executionId}</Text>
        <Text color={theme.muted}>loading…</Text>
      </Box>
    );
  }

  const started = Date.parse(execution.createdAt);
  const ended = execution.terminalAt ? Date.parse(execution.terminalAt) : undefined;
  const duration = formatDuration((ended ?? now) - started);
  const top = feedTop(scroll, activities.length, feedHeight);
  const visible = activities.slice(top, top + feedHeight);

  return (
    <Box flexDirection="column" paddingX={1} height={props.height} overflow="hidden">
      <Text bold wrap="truncate-end">
        Execution {sanitize(execution.id)} <Text color={theme.muted}>· agent</Text>{" "}
        {sanitize(execution.agentName)}
      </Text>
      <Text wrap="truncate-end">
        <Text color={statusColour(theme, execution.status)} bold>
          ● {sanitize(execution.status)}
        </Text>
        <Text color={theme.muted}> · duration </Text>
        {duration}
        {execution.agentProfileName ? (
          <>
            <Text color={theme.muted}> · profile </Text>
            {sanitize(execution.agentProfileName)}
          </>
        ) : null}
        <Text color={theme.muted}>
          {settled ? " · finished" : ` · next check in ${formatDuration(delayMs)}`}
          {scroll.follow ? "" : " · scrolled (G follows)"}
        </Text>
      </Text>
      <Box flexDirection="column" height={feedHeight} overflow="hidden" marginTop={1}>
        {visible.length === 0 ? <Text color={theme.muted}>no activity yet</Text> : null}
        {visible.map((activity) => {
          const line = describeActivity(activity.payload);
          return (
            <Text key={activity.id} wrap="truncate-end">
              <Text color={theme.muted}>{new Date(activity.timestamp).toTimeString().slice(0, 8)} </Text>
              <Text color={theme.accent}>{sanitize(line.label).padEnd(8)}</Text>
              {sanitize(line.text)}
            </Text>
          );
        })}
      </Box>
      {result ? (
        <Box flexDirection="column" marginTop={1}>
          <Text wrap="truncate-end">
            <Text color={theme.muted}>Outcome </Text>
            <Text bold color={statusColour(theme, execution.status)}>
              {sanitize(result.outcome)}
            </Text>
            <Text color={theme.muted}> · </Text>
            {sanitize(result.reasoning)}
          </Text>
          <Text color={theme.muted}>Result</Text>
          {resultText.slice(0, RESULT_LINES).map((line, index) => (
            <Text key={index} wrap="truncate-end">
              {"  "}
              {sanitize(line)}
            </Text>
          ))}
          {resultText.length > RESULT_LINES ? (
            <Text color={theme.muted}> … {resultText.length - RESULT_LINES} more lines</Text>
          ) : null}
        </Box>
      ) : null}
      <Box marginTop={1}>
        {prompt.kind === "confirmCancel" ? (
          <Text color={theme.warning} bold>
            Cancel this execution? y/n
          </Text>
        ) : prompt.kind === "message" ? (
          <Text>
            <Text color={theme.accent}>Message: </Text>
            <TextField value={prompt.value} cursor={prompt.cursor} focused={!prompt.sending} />
            <Text color={theme.muted}>{prompt.sending ? "  sending…" : "  Enter sends · Esc cancels"}</Text>
          </Text>
        ) : (
          <Text color={theme.muted} wrap="truncate-end">
            p pause · r resume · c cancel · m message · j/k scroll · G follow · R refresh · Esc back
          </Text>
        )}
      </Box>
    </Box>
  );
}
