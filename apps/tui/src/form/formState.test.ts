import { describe, expect, test } from "vitest";
import { POOL_FIELDS, poolValues } from "../screens/pools/poolFields.ts";
import { formReducer, initialFormState, visibleErrors } from "./formState.ts";

describe("form state", () => {
  test("shows a field's message once it was touched, and every message once submit was pressed", () => {
    let state = initialFormState(POOL_FIELDS, poolValues());
    const errors = { name: "must be 1 to 255 characters", selectionStrategy: "bad" };
    expect(visibleErrors(state, errors)).toEqual({});
    state = formReducer(POOL_FIELDS, state, { type: "edit", value: "x", cursor: 1 });
    expect(visibleErrors(state, errors)).toEqual({ name: errors.name });
    state = formReducer(POOL_FIELDS, state, { type: "attempt" });
    expect(visibleErrors(state, errors)).toEqual(errors);
  });

  test("a failed submit keeps every value and shows the server's message until the field changes", () => {
    let state = initialFormState(POOL_FIELDS, { ...poolValues(), name: "Billing" });
    state = formReducer(POOL_FIELDS, state, { type: "submitting" });
    state = formReducer(POOL_FIELDS, state, { type: "failed", fields: { name: "taken" } });
    expect(state.values.name).toBe("Billing");
    expect(state.submitting).toBe(false);
    expect(visibleErrors(state, {})).toEqual({ name: "taken" });
    state = formReducer(POOL_FIELDS, state, { type: "edit", value: "Billing 2", cursor: 9 });
    expect(visibleErrors(state, {})).toEqual({});
  });

  test("nothing can be edited while the form is being sent", () => {
    let state = formReducer(POOL_FIELDS, initialFormState(POOL_FIELDS, poolValues()), { type: "submitting" });
    state = formReducer(POOL_FIELDS, state, { type: "edit", value: "changed", cursor: 7 });
    expect(state.values.name).toBe("");
  });
});
