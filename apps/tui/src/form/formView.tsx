import type { ApiName } from "@agentdeck/core";
import { errorMessage } from "../common/errorMessage.ts";
import type { Binding } from "../keys/binding.ts";
import type { KeyPress } from "../keys/keyPress.ts";
import type { Session } from "../shell/session.ts";
import type { View, ViewContext } from "../shell/viewStack.ts";
import { Form } from "./Form.tsx";
import {
  type FieldSpec,
  type FormAction,
  type FormState,
  formReducer,
  initialFormState,
} from "./formState.ts";
import {
  initialPicker,
  markedIndex,
  movePicker,
  openPicker,
  type PickerSpec,
  type PickerState,
} from "./picker.ts";
import { editText } from "./textEdit.ts";

/** What a form is for: its fields, how its values become a request, and what happens after. */
export type FormSpec<Body = unknown, Result = unknown> = {
  readonly title: string;
  readonly fields: readonly FieldSpec[];
  /** Completes "Ctrl+S …" in the hint: `creates the pool`, `runs it`. */
  readonly submitLabel: string;
  /** Completes "Could not …": `create the pool`. */
  readonly doing: string;
  readonly api: ApiName;
  /** The body to send, or the messages by field that stop it (`""` is about the whole form). */
  readonly validate: (
    values: Readonly<Record<string, string>>,
    session: Session,
  ) => { readonly body: Body | undefined; readonly errors: Readonly<Record<string, string>> };
  readonly send: (body: Body, session: Session) => Promise<Result>;
  /** Runs after a successful send (close the form, open what it made…). */
  readonly done: (context: ViewContext<FormViewState>, result: Result) => void;
  /** For a form whose request creates something or starts a run: how to find out whether a lost one did. */
  readonly ifActed?: string;
  /** The form field of a path in a server or client validation error. */
  readonly fieldOf?: (path: string) => string;
  // biome-ignore lint/suspicious/noExplicitAny: each pick field lists items of its own type
  readonly pickers?: Readonly<Record<string, PickerSpec<any>>>;
};

/** A form on the view stack: what it is for, what is typed, and its pickers' lists. */
export type FormViewState = {
  readonly spec: FormSpec;
  readonly form: FormState;
  readonly pickers: Readonly<Record<string, PickerState>>;
};

type Context = ViewContext<FormViewState>;

/** A form's state as it opens, with `values` filled in and field `focus` focused. */
export function openForm<Body, Result>(
  spec: FormSpec<Body, Result>,
  values: Readonly<Record<string, string>> = {},
  labels: Readonly<Record<string, string>> = {},
  focus = 0,
): FormViewState {
  const pickers = Object.fromEntries(
    Object.entries(spec.pickers ?? {}).map(([name, picker]) => [name, initialPicker(picker)]),
  );
  return { spec: spec as FormSpec, form: initialFormState(spec.fields, values, labels, focus), pickers };
}

function focused(state: FormViewState): FieldSpec | undefined {
  return state.spec.fields[state.form.focus];
}

function applyForm(context: Context, action: FormAction): void {
  context.set((state) => ({ ...state, form: formReducer(state.spec.fields, state.form, action) }));
}

function setPicker(context: Context, name: string, change: (picker: PickerState) => PickerState): void {
  context.set((state) => {
    const picker = state.pickers[name];
    return picker === undefined ? state : { ...state, pickers: { ...state.pickers, [name]: change(picker) } };
  });
}

/** Moves the focus by `by` fields; a picker arriving in focus opens with nothing marked. */
function moveFocus(context: Context, by: number): void {
  if (context.state.form.submitting) return;
  applyForm(context, { type: "focus", to: context.state.form.focus + by });
  const field = focused(context.state);
  if (field?.kind === "pick") setPicker(context, field.name, openPicker);
}

/** Sends the form, unless validation stops it (then every problem is marked and nothing is sent). */
export function submitForm(context: Context): void {
  const { state, session, report, stack, id } = context;
  if (state.form.submitting) return;
  const { body, errors } = state.spec.validate(state.form.values, session);
  // A new attempt replaces what the last one said.
  report.clear();
  if (body === undefined || Object.keys(errors).length > 0) {
    applyForm(context, { type: "attempt" });
    return;
  }
  applyForm(context, { type: "submitting" });
  const spec = state.spec;
  spec.send(body, session).then(
    (result) => {
      applyForm(context, { type: "settled" });
      report.ok(spec.api);
      const now = stack.state<FormViewState>(id);
      if (now !== undefined) spec.done({ ...context, state: now }, result);
    },
    (error: unknown) => {
      const fieldOf = spec.fieldOf ?? ((path: string) => path);
      const byField = Object.fromEntries(
        Object.entries(errorMessage(error).fields).map(([path, text]) => [fieldOf(path), text]),
      );
      applyForm(context, { type: "failed", fields: byField });
      report.failed(error, spec.doing, { api: spec.api, ...(spec.ifActed ? { ifActed: spec.ifActed } : {}) });
    },
  );
}

/** Enter in a picker: the marked row becomes the value, and the focus moves on. Never a submit. */
function pick(context: Context, field: FieldSpec): void {
  const picker = context.state.pickers[field.name];
  const spec = context.state.spec.pickers?.[field.name];
  const item = picker === undefined ? undefined : picker.list.items[markedIndex(picker)];
  if (item !== undefined && spec !== undefined) {
    applyForm(context, { type: "set", name: field.name, value: item.id, label: spec.label(item) });
  }
  moveFocus(context, 1);
}

function editFocused(context: Context, press: KeyPress): boolean {
  const field = focused(context.state);
  if (field === undefined || (field.kind !== "text" && field.kind !== "rows")) return false;
  const value = context.state.form.values[field.name] ?? "";
  const edited = editText({ value, cursor: Math.min(context.state.form.cursor, value.length) }, press, {
    multiline: field.kind === "rows",
  });
  if (edited === undefined) return false;
  applyForm(context, { type: "edit", ...edited });
  return true;
}

const BINDINGS: readonly Binding<Context>[] = [
  {
    keys: ["ctrl+s"],
    description: "submit the form, from any field",
    hint: (c) => c.state.spec.submitLabel,
    retries: true,
    handler: submitForm,
    disabledReason: (c) => (c.state.form.submitting ? "it is being sent" : undefined),
  },
  { keys: ["tab"], description: "next field", hint: "next field", handler: (c) => moveFocus(c, 1) },
  { keys: ["shift+tab"], description: "previous field", handler: (c) => moveFocus(c, -1) },
  {
    keys: ["enter"],
    description: "submit (in rows: a new line; in a picker: pick the marked row)",
    handler: (c) => {
      const field = focused(c.state);
      if (field?.kind === "pick") pick(c, field);
      else if (!editFocused(c, { name: "enter", text: "" })) submitForm(c);
    },
  },
  {
    keys: ["down"],
    description: "next field (next line in rows, next row in a picker)",
    handler: (c) => {
      const field = focused(c.state);
      if (field?.kind === "pick") setPicker(c, field.name, (p) => movePicker(p, 1));
      else if (!editFocused(c, { name: "down", text: "" })) moveFocus(c, 1);
    },
  },
  {
    keys: ["up"],
    description: "previous field (line, row)",
    handler: (c) => {
      const field = focused(c.state);
      if (field?.kind === "pick" && markedIndex(c.state.pickers[field.name] as PickerState) > 0) {
        setPicker(c, field.name, (p) => movePicker(p, -1));
      } else if (!editFocused(c, { name: "up", text: "" })) moveFocus(c, -1);
    },
  },
  {
    keys: ["esc"],
    description: "close the form (what you typed is gone)",
    hint: "close",
    handler: (c) => c.stack.close(c.id),
  },
];

/** A key for the focused field: text typed or edited, a choice changed, a picker's filter typed. */
function unbound(context: Context, press: KeyPress): void {
  const { state } = context;
  const field = focused(state);
  if (field === undefined || state.form.submitting) return;
  if (field.kind === "choice") {
    const options = field.options ?? [];
    const step = press.name === "left" ? -1 : press.name === "right" || press.name === " " ? 1 : 0;
    if (step === 0 || options.length === 0) return;
    const at = options.indexOf(state.form.values[field.name] ?? "");
    applyForm(context, {
      type: "set",
      name: field.name,
      value: options[(at + step + options.length) % options.length] ?? "",
    });
    return;
  }
  if (field.kind === "pick") {
    if (press.name === "delete") {
      applyForm(context, { type: "set", name: field.name, value: "", label: "" });
      return;
    }
    if (press.name === "pagedown" || press.name === "pageup") {
      setPicker(context, field.name, (p) => movePicker(p, press.name === "pagedown" ? 5 : -5));
      return;
    }
    const picker = state.pickers[field.name];
    if (picker === undefined) return;
    const draft = picker.list.filterDraft;
    const edited = editText({ value: draft, cursor: draft.length }, press);
    if (edited !== undefined && edited.value !== draft) {
      setPicker(context, field.name, (p) => ({ ...p, list: { ...p.list, filterDraft: edited.value } }));
    }
    return;
  }
  editFocused(context, press);
}

/** The form view: Tab moves between fields, Ctrl+S submits from any of them, Esc closes. */
export const FORM_VIEW: View<FormViewState> = {
  title: "Form",
  bindings: () => BINDINGS,
  typing: () => true,
  unbound,
  Render: Form,
};
