import { useCallback, useState } from "react";
import { errorMessage } from "./errorMessage.ts";
import {
  type FieldSpec,
  type FormAction,
  type FormState,
  formReducer,
  initialFormState,
} from "./formState.ts";
import { useSession } from "./session.ts";

/**
 * A form's state and what submitting it does: nothing is sent while validation finds a problem
 * (every invalid field is then marked); a failure keeps every value and shows what to change.
 */
export function useForm(options: {
  readonly fields: readonly FieldSpec[];
  readonly values: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
  readonly focus?: number;
  /** The message source failures are reported under. */
  readonly source: string;
  /** Completes "Could not …" in error messages: `create the pool`. */
  readonly doing: string;
  /** Names the form field of a path in a server or client validation error. */
  readonly fieldOf?: (path: string) => string;
}) {
  const session = useSession();
  const { fields } = options;
  const [state, setState] = useState<FormState>(() =>
    initialFormState(fields, options.values, options.labels, options.focus),
  );
  const dispatch = useCallback(
    (action: FormAction) => setState((current) => formReducer(fields, current, action)),
    [fields],
  );

  /** Sends `body` (the validation of `current`), unless it is undefined: then every problem is marked. */
  const submit = <Body, Result>(
    current: FormState,
    body: Body | undefined,
    send: (body: Body) => Promise<Result>,
    done: (result: Result) => void,
  ) => {
    if (current.submitting) return;
    if (body === undefined) {
      dispatch({ type: "attempt" });
      return;
    }
    dispatch({ type: "submitting" });
    send(body).then(
      (result) => {
        dispatch({ type: "settled" });
        session.succeeded(options.source);
        done(result);
      },
      (error: unknown) => {
        const message = errorMessage(error, options.doing);
        const fieldOf = options.fieldOf ?? ((path: string) => path);
        const byField = Object.fromEntries(
          Object.entries(message.fields).map(([path, text]) => [fieldOf(path), text]),
        );
        dispatch({ type: "failed", text: message.text, fields: byField });
        session.failed(options.source, error, options.doing);
      },
    );
  };

  return { state, dispatch, submit };
}
