/** What kind of input a form field is. */
export type FieldKind =
  /** One line of text. */
  | "text"
  /** Several lines, such as `key=value` rows; Enter starts a new line. */
  | "rows"
  /** One of a few fixed options, changed with ← → or Space. */
  | "choice"
  /** An item chosen from a server list shown under the field while it has the focus. */
  | "pick";

/** One field of a form. */
export type FieldSpec = {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly options?: readonly string[];
  readonly placeholder?: string;
  /** Shown under the field while it has the focus. */
  readonly hint?: string;
};

/** A form being filled in. Values are strings (a pick holds the chosen id; `labels` says its name). */
export type FormState = {
  readonly values: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly focus: number;
  /** Where the text cursor is in the focused field. */
  readonly cursor: number;
  readonly touched: Readonly<Record<string, true>>;
  /** Submit was pressed at least once: every invalid field is marked, touched or not. */
  readonly attempted: boolean;
  readonly submitting: boolean;
  /** Messages the server gave about fields; each lasts until its field changes. */
  readonly serverFields: Readonly<Record<string, string>>;
};

export type FormAction =
  | { type: "focus"; to: number }
  | { type: "edit"; value: string; cursor: number }
  | { type: "set"; name: string; value: string; label?: string }
  | { type: "attempt" }
  | { type: "submitting" }
  | { type: "failed"; fields: Readonly<Record<string, string>> }
  | { type: "settled" };

/** A form with these values and field `focus` focused. */
export function initialFormState(
  fields: readonly FieldSpec[],
  values: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>> = {},
  focus = 0,
): FormState {
  const complete = Object.fromEntries(fields.map((f) => [f.name, values[f.name] ?? ""]));
  const focused = fields[focus];
  return {
    values: complete,
    labels,
    focus,
    cursor: focused ? (complete[focused.name] ?? "").length : 0,
    touched: {},
    attempted: false,
    submitting: false,
    serverFields: {},
  };
}

function without(record: Readonly<Record<string, string>>, key: string): Readonly<Record<string, string>> {
  if (!(key in record)) return record;
  const { [key]: _, ...rest } = record;
  return rest;
}

/** The state transitions of a form; `fields` says which field the focus index names. */
export function formReducer(fields: readonly FieldSpec[], state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case "focus": {
      const to = (action.to + fields.length) % fields.length;
      const field = fields[to];
      return { ...state, focus: to, cursor: field ? (state.values[field.name] ?? "").length : 0 };
    }
    case "edit": {
      const field = fields[state.focus];
      if (field === undefined || state.submitting) return state;
      const changed = action.value !== state.values[field.name];
      return {
        ...state,
        values: changed ? { ...state.values, [field.name]: action.value } : state.values,
        cursor: action.cursor,
        touched: changed ? { ...state.touched, [field.name]: true } : state.touched,
        serverFields: changed ? without(state.serverFields, field.name) : state.serverFields,
      };
    }
    case "set":
      if (state.submitting) return state;
      return {
        ...state,
        values: { ...state.values, [action.name]: action.value },
        labels: action.label === undefined ? state.labels : { ...state.labels, [action.name]: action.label },
        touched: { ...state.touched, [action.name]: true },
        serverFields: without(state.serverFields, action.name),
      };
    case "attempt":
      return { ...state, attempted: true };
    case "submitting":
      return { ...state, attempted: true, submitting: true };
    case "failed":
      // Everything typed stays; the messages say what to change.
      return { ...state, submitting: false, serverFields: action.fields };
    case "settled":
      return { ...state, submitting: false };
  }
}

/**
 * The message to show beside each field: a server message first, then the validation message
 * of a field the user has touched (or of every field once submit was pressed).
 */
export function visibleErrors(
  state: FormState,
  validation: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  const shown: Record<string, string> = {};
  for (const [name, message] of Object.entries(validation)) {
    if (state.attempted || state.touched[name]) shown[name] = message;
  }
  return { ...shown, ...state.serverFields };
}

/** A zod `safeParse` result, as far as turning its issues into field messages needs. */
type ParseResult = {
  readonly success: boolean;
  readonly error?:
    | { readonly issues: readonly { path: readonly PropertyKey[]; message: string }[] }
    | undefined;
};

/**
 * Messages by form field from a schema's issues. `fieldOf` names the form field of an issue
 * path (`executionOptions.softTimeoutMins` → `softTimeoutMins`); an issue with no field goes
 * under `""`. The first message for a field wins.
 */
export function issuesByField(result: ParseResult, fieldOf: (path: string) => string = (p) => p) {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) {
    const field = fieldOf(issue.path.map(String).join("."));
    errors[field] ??= issue.message;
  }
  return errors;
}
