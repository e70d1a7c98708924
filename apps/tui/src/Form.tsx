import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { type FieldSpec, type FormAction, type FormState, formReducer } from "./formState.ts";
import { useKeyHandler } from "./keyRouter.ts";
import { type KeyPress, keyPresses } from "./keys.ts";
import { sanitize } from "./sanitize.ts";
import { TextField } from "./TextField.tsx";
import { editText } from "./textEdit.ts";
import { useTheme } from "./theme.ts";
import { useLatest } from "./useLatest.ts";

function focusAt(fields: readonly FieldSpec[], state: FormState, to: number): FormAction {
  const index = (to + fields.length) % fields.length;
  const field = fields[index];
  return { type: "focus", to: index, cursor: field ? (state.values[field.name] ?? "").length : 0 };
}

/**
 * What a key does in a form: Tab and Shift+Tab (↓ and ↑ outside multi-line fields) move between
 * fields, Enter submits (a new line in a rows field), ← → Space change a choice, Esc closes.
 * Keys of a pick field other than Tab, Shift+Tab and Esc go to its picker: there Enter picks.
 */
export function formKey(
  fields: readonly FieldSpec[],
  state: FormState,
  press: KeyPress,
): FormAction | "submit" | "close" | undefined {
  const field = fields[state.focus];
  if (press.name === "esc") return "close";
  if (state.submitting || field === undefined) return undefined;
  if (press.name === "tab") return focusAt(fields, state, state.focus + 1);
  if (press.name === "shift+tab") return focusAt(fields, state, state.focus - 1);
  if (field.kind === "pick") return undefined;
  if (field.kind === "choice") {
    const options = field.options ?? [];
    const at = options.indexOf(state.values[field.name] ?? "");
    const step = press.name === "left" ? -1 : press.name === "right" || press.name === " " ? 1 : 0;
    if (step !== 0 && options.length > 0) {
      const value = options[(at + step + options.length) % options.length] ?? "";
      return { type: "set", name: field.name, value };
    }
  } else {
    const value = state.values[field.name] ?? "";
    const edited = editText({ value, cursor: Math.min(state.cursor, value.length) }, press, {
      multiline: field.kind === "rows",
    });
    if (edited !== undefined) return { type: "edit", ...edited };
  }
  if (press.name === "down") return focusAt(fields, state, state.focus + 1);
  if (press.name === "up") return focusAt(fields, state, state.focus - 1);
  if (press.name === "enter") return "submit";
  return undefined;
}

/**
 * A form: labelled fields with their messages beside them, the last submit's error above them,
 * and the keys below. It never clears what was typed; the screen decides when it closes.
 */
export function Form(props: {
  readonly title: string;
  readonly fields: readonly FieldSpec[];
  readonly state: FormState;
  readonly dispatch: (action: FormAction) => void;
  /** Messages by field name to show now (see `visibleErrors`); `""` is about the whole form. */
  readonly errors: Readonly<Record<string, string>>;
  readonly active: boolean;
  readonly submitLabel: string;
  /** Called with the form as the keys so far left it (newer than the last render in a burst of keys). */
  readonly onSubmit: (state: FormState) => void;
  readonly onClose: () => void;
  /** Draws the picker of a pick field. */
  /**
   * Draws the picker of a pick field. `focused` is as rendered; `hasKeys` says, when a key
   * arrives, whether the field has the focus now (keys before it may just have moved it).
   */
  readonly renderPick?: (field: FieldSpec, focused: boolean, hasKeys: () => boolean) => ReactNode;
}) {
  const theme = useTheme();
  const { state, fields } = props;
  const latest = useLatest(state);
  useKeyHandler((input, key) => {
    // The keys of one chunk apply in turn, each to the state the one before left.
    let current = latest.current;
    for (const press of keyPresses(input, key)) {
      const command = formKey(fields, current, press);
      if (command === "close") return props.onClose();
      if (command === "submit") return props.onSubmit(current);
      if (command !== undefined) {
        current = formReducer(fields, current, command);
        latest.current = current;
        props.dispatch(command);
      }
    }
  }, props.active);
  const labelWidth = Math.max(...fields.map((f) => f.label.length)) + 3;
  const formError = props.errors[""];
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.accent}>
        {props.title}
      </Text>
      {state.error ? <Text color={theme.error}>✗ {sanitize(state.error)}</Text> : null}
      {formError ? <Text color={theme.warning}>! {sanitize(formError)}</Text> : null}
      {fields.map((field, index) => {
        const focused = index === state.focus;
        const error = props.errors[field.name];
        const value = state.values[field.name] ?? "";
        return (
          <Box key={field.name} flexDirection="column">
            <Box flexDirection="row">
              <Text color={focused ? theme.accent : undefined} bold={focused}>
                {focused ? "› " : "  "}
              </Text>
              <Box width={labelWidth} flexShrink={0}>
                <Text bold={focused} color={error ? theme.error : undefined}>
                  {field.label}
                  {error ? " ✗" : ""}
                </Text>
              </Box>
              <Box flexGrow={1} flexDirection="column">
                {field.kind === "choice" ? (
                  <Text>
                    <Text color={theme.muted}>‹ </Text>
                    <Text inverse={focused}>{value}</Text>
                    <Text color={theme.muted}> ›</Text>
                  </Text>
                ) : field.kind === "pick" ? (
                  <Text>
                    {value ? (
                      sanitize(state.labels[field.name] ?? value)
                    ) : (
                      <Text color={theme.muted}>(none)</Text>
                    )}
                  </Text>
                ) : (
                  <TextField
                    value={value}
                    cursor={state.cursor}
                    focused={focused && props.active}
                    placeholder={field.placeholder ?? ""}
                    multiline={field.kind === "rows"}
                  />
                )}
              </Box>
            </Box>
            {error ? (
              <Box paddingLeft={labelWidth + 2}>
                <Text color={theme.error}>{sanitize(error)}</Text>
              </Box>
            ) : focused && field.hint ? (
              <Box paddingLeft={labelWidth + 2}>
                <Text color={theme.muted}>{field.hint}</Text>
              </Box>
            ) : null}
            {field.kind === "pick" && props.renderPick ? (
              <Box paddingLeft={labelWidth + 2}>
                {props.renderPick(
                  field,
                  focused && props.active,
                  () => props.active && fields[latest.current.focus]?.name === field.name,
                )}
              </Box>
            ) : null}
          </Box>
        );
      })}
      <Box marginTop={1}>
        <Text color={theme.muted}>
          {state.submitting
            ? "sending… (Esc closes; what you typed stays)"
            : `Enter ${props.submitLabel} · Tab/↓ next field · Shift+Tab/↑ previous · Esc close`}
        </Text>
      </Box>
    </Box>
  );
}
