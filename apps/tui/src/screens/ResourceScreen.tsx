import { Box, Text } from "ink";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { clip } from "../common/cells.ts";
import { useStore } from "../common/store.ts";
import {
  initialListState,
  type ListAction,
  type ListState,
  listReducer,
  queryKey,
} from "../list/listState.ts";
import { useListData } from "../list/useList.ts";
import { StackView, type TabController, useStackController } from "../shell/StackView.tsx";
import { useSession } from "../shell/session.ts";
import { ViewStack } from "../shell/viewStack.ts";
import { PAGE_SIZE } from "./pageSources.ts";
import type { OpeningPage, Resource } from "./resource.ts";
import { resourceViews } from "./resourceViews.tsx";

/** What App gives every tab's screen. */
export type ScreenProps = {
  /** Keys go to this screen: its tab is shown and no overlay covers it. */
  readonly active: boolean;
  /**
   * Its tab has been shown at least once. Every screen is mounted from the start (so keys typed
   * right after a tab key reach it), but fetches only once opened: start-up loads one list.
   */
  readonly opened: boolean;
  readonly width: number;
  readonly height: number;
  /** Hands App the screen's key controller. */
  readonly register: (controller: TabController) => void;
};

/** `controller` with its keys off: it still says what is on screen. */
function idle(controller: TabController): TabController {
  return { ...controller, typing: () => false, handle: () => {} };
}

/**
 * Whether a list fetches its page again by itself: only while its tab is on screen, it is the view
 * on top, and nobody is typing in its filter (the rows must not move under the user's fingers).
 */
export function listIsLive(active: boolean, views: number, list: { readonly filtering: boolean }): boolean {
  return active && views === 1 && !list.filtering;
}

/**
 * The one screen every resource tab is: its view stack (the list at the bottom), the list kept
 * in step with the server, and the keys handed to the view on top. A resource is configuration.
 */
export function ResourceScreen<T extends { id: string }>(
  props: ScreenProps & { readonly resource: Resource<T>; readonly opening?: OpeningPage<T> | undefined },
) {
  const { resource, opening } = props;
  const session = useSession();
  const [stack] = useState(() => {
    const { list } = resourceViews(resource);
    let state = initialListState<T>({
      pageSize: PAGE_SIZE,
      sortFields: resource.sortFields,
      sortDirection: resource.sortDirection,
    });
    // A first page fetched while the UI loaded is shown in the first frame, if it is of this organization.
    if (opening !== undefined && opening.organizationId === session.organizationId) {
      const { items, total, at } = opening;
      state = listReducer(state, { type: "loaded", key: queryKey(state.query), items, total, at });
    }
    return new ViewStack(list, state);
  });
  const area = useMemo(() => ({ width: props.width, height: props.height }), [props.width, props.height]);
  const controller = useStackController(stack, session, area);
  const unavailable = resource.unavailable?.(session);
  const { register } = props;
  // A tab that can show nothing (the registry not configured) takes no keys either.
  useEffect(
    () => register(unavailable === undefined ? controller : idle(controller)),
    [register, controller, unavailable],
  );

  const entries = useStore(stack.store);
  const root = entries[0];
  const rootId = root?.id ?? 0;
  const list = root?.state as ListState<T>;
  const dispatch = useCallback(
    (action: ListAction<T>) => stack.update<ListState<T>>(rootId, (state) => listReducer(state, action)),
    [stack, rootId],
  );
  const source = useMemo(() => resource.source(session), [resource, session.client, session.organizationId]);
  const report = useMemo(
    () => session.reporter(rootId, resource.api, () => "R"),
    [session, rootId, resource.api],
  );
  const enabled =
    props.opened &&
    unavailable === undefined &&
    (!resource.needsOrganization || session.organizationId !== undefined);
  const live = listIsLive(props.active, entries.length, list);
  // The faster of the two: a resource that changes quickly, or a session told to refresh often.
  const refreshMs =
    resource.refreshMs === undefined || session.refreshMs === undefined
      ? (resource.refreshMs ?? session.refreshMs)
      : Math.min(resource.refreshMs, session.refreshMs);
  useListData(list, dispatch, source, {
    enabled,
    live,
    ...(refreshMs === undefined ? {} : { refreshMs }),
    onLoaded: () => report.ok(),
    onError: (error) => report.failed(error, `load the ${resource.noun}s`),
  });

  // When the API answers again after failing, what is on screen may be stale: fetch it again.
  const connections = useStore(session.connections);
  const reconnects = resource.api === undefined ? 0 : connections[resource.api].reconnects;
  const seen = useRef(reconnects);
  useEffect(() => {
    if (reconnects === seen.current) return;
    seen.current = reconnects;
    dispatch({ type: "refresh" });
  }, [reconnects, dispatch]);

  if (unavailable !== undefined) {
    return (
      <Box flexDirection="column" height={props.height} flexShrink={0}>
        {unavailable.map((line, index) => (
          <Text key={line} bold={index === 0}>
            {clip(` ${line}`, props.width)}
          </Text>
        ))}
      </Box>
    );
  }
  // Only the tab on screen is drawn; the others keep their views on their stacks, as they were left.
  return props.active ? <StackView stack={stack} session={session} area={area} focused /> : null;
}
