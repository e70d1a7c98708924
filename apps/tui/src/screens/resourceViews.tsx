import { Box, Text } from "ink";
import { useEffect, useEffectEvent } from "react";
import { clip } from "../common/cells.ts";
import { errorMessage, isAbort } from "../common/errorMessage.ts";
import { sanitize } from "../common/sanitize.ts";
import { useTheme } from "../common/theme.ts";
import { type Binding, mapBinding } from "../keys/binding.ts";
import { HintLine } from "../keys/HintLine.tsx";
import { DetailPane } from "../list/DetailPane.tsx";
import { ListView } from "../list/ListView.tsx";
import { dispatchList, filterBindings, listBindings, typeIntoFilter } from "../list/listBindings.ts";
import { type ListState, listReducer, selectedItem } from "../list/listState.ts";
import type { View, ViewContext, ViewProps } from "../shell/viewStack.ts";
import { JSON_VIEW, jsonOf } from "./jsonView.tsx";
import type { ItemContext, Resource } from "./resource.ts";

/** The detail view's state: the row it shows (fetched fresh when it opens, and on R). */
export type DetailState<T> = { readonly item: T; readonly reloads: number };

type ListContext<T extends { id: string }> = ViewContext<ListState<T>>;

/** The context a resource's own keys get, for `item`, in the view of `context`. */
export function itemContext<T, S>(context: ViewContext<S>, item: T | undefined): ItemContext<T> {
  const listId = context.stack.entries[0]?.id ?? context.id;
  return {
    ...(context as unknown as ViewContext<unknown>),
    item,
    list: {
      id: listId,
      refresh: (select) =>
        context.stack.update<ListState<{ id: string }>>(listId, (s) =>
          listReducer(s, { type: "refresh", select }),
        ),
    },
  };
}

/** Keys every row has, in its list and its detail view: the whole record as JSON, and its id copied. */
function rowBindings<T extends { id: string }>(resource: Resource<T>): readonly Binding<ItemContext<T>>[] {
  const none = (c: ItemContext<T>) => (c.item === undefined ? "there is no row selected" : undefined);
  return [
    {
      keys: ["v"],
      description: `view the whole ${resource.noun} as JSON`,
      hint: "json",
      disabledReason: none,
      handler: (c) => {
        if (c.item) c.stack.push(JSON_VIEW, jsonOf(`${resource.noun} ${resource.itemTitle(c.item)}`, c.item));
      },
    },
    {
      keys: ["y"],
      description: "copy the id to the clipboard",
      hint: "copy id",
      disabledReason: none,
      handler: (c) => {
        if (c.item === undefined) return;
        c.session.copy(c.item.id);
        c.report.info(`Copied the id ${c.item.id} to the clipboard.`);
      },
    },
  ];
}

const views = new WeakMap<object, { list: View<ListState<never>>; detail: View<DetailState<never>> }>();

/** The list and detail views of `resource`, built once. */
export function resourceViews<T extends { id: string }>(
  resource: Resource<T>,
): { list: View<ListState<T>>; detail: View<DetailState<T>> } {
  const known = views.get(resource);
  if (known) return known as unknown as { list: View<ListState<T>>; detail: View<DetailState<T>> };
  const detail = detailView(resource);
  const list = listView(resource, detail);
  views.set(resource, { list, detail } as never);
  return { list, detail };
}

function listView<T extends { id: string }>(
  resource: Resource<T>,
  detail: View<DetailState<T>>,
): View<ListState<T>> {
  const toItem = (c: ListContext<T>) => itemContext<T, ListState<T>>(c, selectedItem(c.state));
  const open: Binding<ItemContext<T>> = resource.open
    ? { keys: ["enter"], ...resource.open }
    : {
        keys: ["enter"],
        description: `open the ${resource.noun}`,
        hint: "open",
        disabledReason: (c) => (c.item === undefined ? "there is no row selected" : undefined),
        handler: (c) => {
          if (c.item) c.stack.push(detail, { item: c.item, reloads: 0 });
        },
      };
  // A banner takes a line of the view: the keys that move by a screen count the rows below it.
  const banner = resource.banner;
  const belowBanner = (c: ListContext<T>): ListContext<T> =>
    banner ? { ...c, area: { ...c.area, height: Math.max(0, c.area.height - 1) } } : c;
  const normal: readonly Binding<ListContext<T>>[] = [
    mapBinding(open, toItem),
    ...resource.actions.map((binding) => mapBinding(binding, toItem)),
    ...rowBindings(resource).map((binding) => mapBinding(binding, toItem)),
    ...(resource.listActions ?? []),
    ...listBindings<T>(resource.searchBy).map((binding) => mapBinding(binding, belowBanner)),
    {
      keys: ["esc"],
      description: "clear the filter, or the message",
      handler: (c) => {
        if (c.state.query.search !== "" || c.state.filterDraft !== "")
          dispatchList(c, { type: "clearFilter" });
        else {
          c.report.clear();
          c.session.messages.clear("app");
        }
      },
    },
  ];
  const filtering = filterBindings<T>().map((binding) => mapBinding(binding, belowBanner));
  return {
    title: resource.title,
    api: resource.api,
    bindings: (state) => (state.filtering ? filtering : normal),
    typing: (state) => state.filtering,
    unbound: (context, press) => {
      if (context.state.filtering) typeIntoFilter(context, press);
    },
    Render: ({ context, focused, bindings }: ViewProps<ListState<T>>) => {
      const { state } = context;
      const selected = selectedItem(state);
      const area = belowBanner(context).area;
      const list = (
        <ListView
          state={state}
          noun={resource.noun}
          searchBy={resource.searchBy}
          columns={resource.columns}
          width={area.width}
          height={area.height}
          focused={focused}
          empty={emptyText(resource, context)}
          headerExtra={resource.headerExtra?.(state)}
          stalled={
            resource.needsOrganization &&
            context.session.organizationError !== undefined &&
            context.session.organizationId === undefined
          }
          bindings={bindings}
          detail={(width, height) =>
            selected ? (
              <DetailPane
                title={resource.itemTitle(selected)}
                details={resource.details(selected)}
                width={width}
                height={height}
                side
              />
            ) : (
              <DetailPane title="" details={[]} width={width} height={height} side />
            )
          }
        />
      );
      if (!banner) return list;
      return (
        <Box flexDirection="column" height={context.area.height} flexShrink={0}>
          <BannerLine text={banner(state)} width={area.width} />
          {list}
        </Box>
      );
    },
  };
}

/** The line above a list about the whole list; sanitised and clipped like any server text. */
function BannerLine(props: { readonly text: string | undefined; readonly width: number }) {
  const theme = useTheme();
  return <Text color={theme.accent}>{clip(` ${sanitize(props.text ?? "")}`, props.width)}</Text>;
}

/** What an empty list says: that it is loading, what failed and why, or the resource's own words. */
function emptyText<T extends { id: string }>(resource: Resource<T>, context: ListContext<T>): string {
  const { state, session } = context;
  const say = (error: unknown, doing: string) =>
    `✗ ${errorMessage(error, { doing, retryKey: "R", credentials: session.credentials }).text}`;
  if (state.error !== undefined) return say(state.error, `load the ${resource.noun}s`);
  if (resource.needsOrganization && session.organizationId === undefined) {
    return session.organizationError === undefined
      ? "waiting for your organization…"
      : say(session.organizationError, "read your organizations");
  }
  if (!state.loaded) return "loading…";
  if (state.query.search) return `no ${resource.noun}s match "${state.query.search}"`;
  return resource.empty(state);
}

function detailView<T extends { id: string }>(resource: Resource<T>): View<DetailState<T>> {
  type Context = ViewContext<DetailState<T>>;
  const toItem = (c: Context) => itemContext<T, DetailState<T>>(c, c.state.item);
  const bindings: readonly Binding<Context>[] = [
    ...resource.actions.map((binding) => mapBinding(binding, toItem)),
    ...rowBindings(resource).map((binding) => mapBinding(binding, toItem)),
    {
      keys: ["R"],
      description: "fetch it again",
      hint: "refresh",
      retries: true,
      handler: (c) => c.set((s) => ({ ...s, reloads: s.reloads + 1 })),
    },
    { keys: ["esc"], description: "back to the list", hint: "back", handler: (c) => c.stack.close(c.id) },
  ];
  return {
    title: `${resource.title}: one ${resource.noun}`,
    api: resource.api,
    bindings: () => bindings,
    Render: (props: ViewProps<DetailState<T>>) => <DetailBody resource={resource} {...props} />,
  };
}

/** One row on the whole screen, fetched fresh from the server when it opens and on R. */
function DetailBody<T extends { id: string }>(
  props: ViewProps<DetailState<T>> & { readonly resource: Resource<T> },
) {
  const { context, resource } = props;
  const { state, area } = context;
  const fetchOne = useEffectEvent((signal: AbortSignal) =>
    resource.fetchOne?.(context.session, state.item.id, signal),
  );
  const settle = useEffectEvent((fresh: T | undefined, error?: unknown) => {
    if (fresh !== undefined) {
      context.set((s) => ({ ...s, item: fresh }));
      context.report.ok();
    } else if (error !== undefined && !isAbort(error))
      context.report.failed(error, `load the ${resource.noun}`);
  });
  const id = state.item.id;
  useEffect(() => {
    const controller = new AbortController();
    fetchOne(controller.signal)?.then(
      (fresh) => {
        if (!controller.signal.aborted) settle(fresh);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) settle(undefined, error);
      },
    );
    return () => controller.abort();
  }, [id, state.reloads]);
  // Multi-line values (a description) get more lines here than beside the list.
  const details = resource
    .details(state.item)
    .map(([label, value, lines]) => [label, value, lines === undefined ? 1 : lines * 4] as const);
  return (
    <Box flexDirection="column" height={area.height} flexShrink={0}>
      <DetailPane
        title={`${resource.noun[0]?.toUpperCase()}${resource.noun.slice(1)} ${resource.itemTitle(state.item)}`}
        details={details}
        width={area.width}
        height={area.height - 1}
      />
      <Text>
        {" "}
        <HintLine bindings={props.bindings} width={area.width - 1} />
      </Text>
    </Box>
  );
}
