import { Box, Text } from "ink";
import { type ReactNode, useCallback, useMemo } from "react";
import { cellWidth, clip, fit } from "../common/cells.ts";
import { sanitize } from "../common/sanitize.ts";
import { useTheme } from "../common/theme.ts";
import type { ResolvedBinding } from "../keys/binding.ts";
import { HintLine } from "../keys/HintLine.tsx";
import type { ListAction } from "../list/listState.ts";
import { useListData } from "../list/useList.ts";
import type { ViewContext } from "../shell/viewStack.ts";
import { type FieldSpec, visibleErrors } from "./formState.ts";
import type { FormViewState } from "./formView.tsx";
import { markedIndex, pickerReducer } from "./picker.ts";
import { Placeholder, TextLine } from "./TextField.tsx";

/** How many rows of a picker's list show under its field. */
const PICKER_ROWS = 5;
/** How many lines of a rows field show at once (the ones around the cursor). */
const ROWS_SHOWN = 6;

type Line = { readonly key: string; readonly node: ReactNode };

/** Fetches the choices of the focused pick field into the form's state. */
function PickerData(props: {
  readonly context: ViewContext<FormViewState>;
  readonly name: string;
  readonly active: boolean;
}) {
  const { context, name } = props;
  const { stack, id, session } = context;
  const picker = context.state.pickers[name];
  const spec = context.state.spec.pickers?.[name];
  const dispatch = useCallback(
    (action: ListAction<{ id: string }>) =>
      stack.update<FormViewState>(id, (state) => {
        const current = state.pickers[name];
        return current === undefined
          ? state
          : { ...state, pickers: { ...state.pickers, [name]: pickerReducer(current, action) } };
      }),
    [stack, id, name],
  );
  const source = useMemo(() => spec?.source(session), [spec, session]);
  const report = context.report;
  if (picker === undefined || source === undefined) throw new Error(`no picker for ${name}`);
  useListData(picker.list, dispatch, source, {
    enabled: props.active,
    onError: (error) => report.failed(error, "list the choices", { api: context.state.spec.api }),
  });
  return null;
}

/**
 * A form: labelled fields with their messages, the list of the focused pick field, and the key
 * hints, windowed to the height it has so the focused field is always in view.
 */
export function Form(props: {
  readonly context: ViewContext<FormViewState>;
  readonly focused: boolean;
  readonly bindings: readonly ResolvedBinding[];
}) {
  const theme = useTheme();
  const { context } = props;
  const { state, area, session } = context;
  const { spec, form } = state;
  const { fields } = spec;
  const errors = visibleErrors(form, spec.validate(form.values, session).errors);
  const labelWidth = Math.min(
    Math.max(...fields.map((f) => cellWidth(f.label))) + 3,
    Math.floor(area.width / 3),
  );
  const valueWidth = Math.max(1, area.width - labelWidth - 3);
  const indent = " ".repeat(labelWidth + 2);

  const lines: Line[] = [];
  let focusFrom = 0;
  let focusTo = 0;
  const formError = errors[""];
  if (formError)
    lines.push({
      key: "form-error",
      node: <Text color={theme.warning}>{clip(`! ${sanitize(formError)}`, area.width)}</Text>,
    });

  fields.forEach((field, index) => {
    const focused = index === form.focus;
    if (focused) focusFrom = lines.length;
    const error = errors[field.name];
    const value = form.values[field.name] ?? "";
    const label = (
      <Text>
        <Text color={focused ? theme.accent : undefined} bold={focused}>
          {focused ? "› " : "  "}
        </Text>
        <Text bold={focused} color={error ? theme.error : undefined}>
          {fit(`${field.label}${error ? " ✗" : ""}`, labelWidth)}
        </Text>
      </Text>
    );
    const editing = focused && props.focused;
    if (field.kind === "rows" && value.includes("\n")) {
      const rows = value.split("\n");
      let offset = 0;
      const cursorRow = value.slice(0, form.cursor).split("\n").length - 1;
      const first = Math.max(0, Math.min(cursorRow - ROWS_SHOWN + 1, rows.length - ROWS_SHOWN));
      rows.forEach((row, rowIndex) => {
        const start = offset;
        offset += row.length + 1;
        if (rowIndex < first || rowIndex >= first + ROWS_SHOWN) return;
        const here = editing && rowIndex === cursorRow ? form.cursor - start : undefined;
        lines.push({
          key: `${field.name}-${rowIndex}`,
          node: (
            <Text>
              {rowIndex === first ? label : indent}
              <TextLine text={row} cursor={here} width={valueWidth} />
            </Text>
          ),
        });
      });
      if (rows.length > ROWS_SHOWN) {
        lines.push({
          key: `${field.name}-more`,
          node: <Text color={theme.muted}>{`${indent}(${rows.length} lines)`}</Text>,
        });
      }
    } else {
      let shown: ReactNode;
      if (field.kind === "choice") {
        shown = (
          <Text>
            <Text color={theme.muted}>‹ </Text>
            <Text inverse={focused}>{clip(value, valueWidth - 4)}</Text>
            <Text color={theme.muted}> ›</Text>
          </Text>
        );
      } else if (field.kind === "pick") {
        shown = value ? (
          <Text>{clip(sanitize(form.labels[field.name] ?? value), valueWidth)}</Text>
        ) : (
          <Text color={theme.muted}>(none)</Text>
        );
      } else if (value === "") {
        shown = <Placeholder text={field.placeholder ?? ""} focused={editing} width={valueWidth} />;
      } else {
        shown = <TextLine text={value} cursor={editing ? form.cursor : undefined} width={valueWidth} />;
      }
      lines.push({
        key: field.name,
        node: (
          <Text>
            {label}
            {shown}
          </Text>
        ),
      });
    }
    if (error) {
      lines.push({
        key: `${field.name}-error`,
        node: <Text color={theme.error}>{clip(`${indent}${sanitize(error)}`, area.width)}</Text>,
      });
    } else if (focused && field.hint) {
      lines.push({
        key: `${field.name}-hint`,
        node: <Text color={theme.muted}>{clip(`${indent}${field.hint}`, area.width)}</Text>,
      });
    }
    if (focused && field.kind === "pick")
      lines.push(...pickerLines(context, field, indent, area.width, theme));
    if (focused) focusTo = lines.length;
  });

  // Title and hint line always show; the fields scroll so the focused one is in view.
  const room = Math.max(1, area.height - 2);
  const top = Math.max(0, Math.min(focusFrom, Math.max(focusTo - room, 0), Math.max(0, lines.length - room)));
  const shownLines = lines.slice(top, top + room);
  const focusedField = fields[form.focus];
  return (
    <Box flexDirection="column" height={area.height} flexShrink={0}>
      <Text bold color={theme.accent}>
        {clip(` ${spec.title}${top > 0 ? " ↑" : ""}`, area.width)}
      </Text>
      {shownLines.map((line) => (
        <Box key={line.key} height={1} flexShrink={0}>
          {line.node}
        </Box>
      ))}
      <Box flexGrow={1} />
      <Text>
        {" "}
        {form.submitting ? (
          <Text color={theme.muted}>{clip("sending… (what you typed stays)", area.width - 1)}</Text>
        ) : (
          <HintLine bindings={props.bindings} width={area.width - 1} />
        )}
      </Text>
      {focusedField?.kind === "pick" ? (
        <PickerData context={context} name={focusedField.name} active={props.focused} />
      ) : null}
    </Box>
  );
}

function pickerLines(
  context: ViewContext<FormViewState>,
  field: FieldSpec,
  indent: string,
  width: number,
  theme: ReturnType<typeof useTheme>,
): Line[] {
  const picker = context.state.pickers[field.name];
  const spec = context.state.spec.pickers?.[field.name];
  if (picker === undefined || spec === undefined) return [];
  const { list } = picker;
  const room = Math.max(1, width - indent.length);
  const at = markedIndex(picker);
  const count =
    list.loading || !list.loaded ? "loading…" : `${list.total} match${list.total === 1 ? "" : "es"}`;
  const lines: Line[] = [
    {
      key: `${field.name}-filter`,
      node: (
        <Text color={theme.muted}>
          {indent}filter:{" "}
          <Text color={theme.accent}>{clip(sanitize(list.filterDraft), Math.max(1, room - 24))}</Text>
          <Text inverse> </Text> {count}
        </Text>
      ),
    },
  ];
  if (list.items.length === 0 && list.loaded) {
    lines.push({
      key: `${field.name}-none`,
      node: <Text color={theme.muted}>{`${indent}nothing matches`}</Text>,
    });
  }
  const first = Math.max(0, Math.min(at - Math.floor(PICKER_ROWS / 2), list.items.length - PICKER_ROWS));
  list.items.slice(first, first + PICKER_ROWS).forEach((item, index) => {
    const marked = first + index === at;
    lines.push({
      key: `${field.name}-item-${item.id}`,
      node: (
        <Text>
          {indent}
          <Text inverse={marked}>{clip(`${marked ? "› " : "  "}${sanitize(spec.label(item))}`, room)}</Text>
        </Text>
      ),
    });
  });
  return lines;
}
