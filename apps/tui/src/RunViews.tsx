import { Box } from "ink";
import type { RefObject } from "react";
import { ExecutionMonitor } from "./ExecutionMonitor.tsx";
import { type Preset, RunForm } from "./RunForm.tsx";
import type { ScreenProps } from "./screen.ts";

/** The views of a screen an agent is run from: the run form, then the monitor of what it started. */
export type RunView =
  | { kind: "run"; agent?: Preset; pool?: Preset }
  | { kind: "monitor"; executionId: string };

/**
 * Draws a screen's run view; Esc in either goes back to the screen's list. `monitorTyping` follows
 * whether the monitor's prompt takes every key.
 */
export function RunViews(props: {
  readonly view: RunView;
  readonly setView: (view: RunView | { kind: "list" }) => void;
  readonly screen: Pick<ScreenProps, "active" | "height">;
  readonly monitorTyping: RefObject<boolean>;
}) {
  const { view, setView, screen } = props;
  const back = () => setView({ kind: "list" });
  if (view.kind === "monitor") {
    return (
      <ExecutionMonitor
        executionId={view.executionId}
        active={screen.active}
        height={screen.height}
        onClose={back}
        onTyping={(value) => {
          props.monitorTyping.current = value;
        }}
      />
    );
  }
  return (
    <Box height={screen.height} flexDirection="column">
      <RunForm
        agent={view.agent}
        pool={view.pool}
        active={screen.active}
        onClose={back}
        onStarted={(executionId) => setView({ kind: "monitor", executionId })}
      />
    </Box>
  );
}
