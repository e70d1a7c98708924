import { Box } from "ink";
import { useEffect, useRef } from "react";
import { useStore } from "../common/store.ts";
import { bindingFor, type ResolvedBinding, resolveBindings, retryKey } from "../keys/binding.ts";
import type { KeyPress } from "../keys/keyPress.ts";
import type { Reporter, Session } from "./session.ts";
import type { Area, Entry, ViewContext, ViewStack } from "./viewStack.ts";

/** What App asks of a tab: whether it takes typed text now, a key, and what has the keys (for help and messages). */
export type TabController = {
  readonly typing: () => boolean;
  readonly handle: (press: KeyPress) => void;
  readonly current: () => {
    readonly title: string;
    readonly bindings: readonly ResolvedBinding[];
    readonly owner: number;
  };
  /** The id of the view with the keys, whose messages show. */
  readonly owner: () => number;
  /** Calls `listener` whenever the tab's views change. */
  readonly subscribe: (listener: () => void) => () => void;
};

/** The context of `entry` now: its newest state, and the session and area as last drawn. */
function contextOf(
  stack: ViewStack,
  entry: Entry,
  session: Session,
  area: Area,
  reporters: Map<number, Reporter>,
): ViewContext<unknown> {
  let report = reporters.get(entry.id);
  if (report === undefined) {
    report = session.reporter(entry.id, entry.view.api, () => {
      const current = stack.entries.find((e) => e.id === entry.id) ?? entry;
      return retryKey(
        resolveBindings(
          current.view.bindings(current.state),
          contextOf(stack, current, session, area, reporters),
        ),
      );
    });
    reporters.set(entry.id, report);
  }
  return {
    id: entry.id,
    state: entry.state,
    set: (change) => stack.update(entry.id, change),
    stack,
    session,
    report,
    area,
  };
}

/**
 * Hands keys to the top view of `stack` and draws it (with the view below it, when the top one
 * is a line under it). A key goes to the binding in the view's table, else to the view's
 * `unbound` (typed text); a binding that cannot be done now says why instead.
 */
export function useStackController(stack: ViewStack, session: Session, area: Area): TabController {
  const latest = useRef({ session, area });
  latest.current = { session, area };
  const reporters = useRef(new Map<number, Reporter>());
  const controller = useRef<TabController>(undefined);
  useEffect(() => {
    const previous = stack.onClose;
    stack.onClose = (id) => {
      previous(id);
      reporters.current.delete(id);
      latest.current.session.messages.clear(id);
    };
  }, [stack]);
  if (controller.current === undefined) {
    const now = () => {
      const entry = stack.top();
      const context = contextOf(stack, entry, latest.current.session, latest.current.area, reporters.current);
      return { entry, context, bindings: resolveBindings(entry.view.bindings(entry.state), context) };
    };
    controller.current = {
      typing: () => {
        const entry = stack.top();
        return entry.view.typing?.(entry.state) ?? false;
      },
      handle: (press) => {
        const { entry, context, bindings } = now();
        const binding = bindingFor(bindings, press);
        if (binding === undefined) entry.view.unbound?.(context, press);
        else if (binding.disabledReason !== undefined) {
          context.report.warn(`Cannot ${binding.hint ?? binding.description}: ${binding.disabledReason}.`);
        } else binding.run();
      },
      current: () => {
        const { entry, bindings } = now();
        return { title: entry.view.title, bindings, owner: entry.id };
      },
      owner: () => stack.top().id,
      subscribe: stack.store.subscribe,
    };
  }
  return controller.current;
}

/** Draws the top view of `stack` in `area`; `focused` when its tab has the keys. */
export function StackView(props: {
  readonly stack: ViewStack;
  readonly session: Session;
  readonly area: Area;
  readonly focused: boolean;
}) {
  const { stack, session, area } = props;
  const entries = useStore(stack.store);
  const reporters = useRef(new Map<number, Reporter>());
  const top = entries[entries.length - 1] as Entry;
  const below = top.view.overlay ? entries[entries.length - 2] : undefined;
  const draw = (entry: Entry, height: number, focused: boolean) => {
    const context = contextOf(stack, entry, session, { width: area.width, height }, reporters.current);
    const bindings = resolveBindings(entry.view.bindings(entry.state), context);
    const Render = entry.view.Render;
    return <Render key={entry.id} context={context} focused={focused} bindings={bindings} />;
  };
  if (below === undefined) return draw(top, area.height, props.focused);
  return (
    <Box flexDirection="column" height={area.height} flexShrink={0}>
      {draw(below, Math.max(0, area.height - 1), false)}
      <Box height={1} flexShrink={0}>
        {draw(top, 1, props.focused)}
      </Box>
    </Box>
  );
}
