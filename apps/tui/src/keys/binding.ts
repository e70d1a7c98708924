import { keyLabel } from "./keyLabel.ts";
import type { KeyPress } from "./keyPress.ts";

/**
 * One key binding, as lazygit has them: the keys, what it does, and whether it can be done now.
 * One table of these per view drives the keys, the help overlay and the hint line, so the three
 * never disagree. `C` is what the handler is given (the view's state and what it may change).
 */
export type Binding<C> = {
  readonly keys: readonly string[];
  /** What it does, for the help overlay: "open the selected pool". */
  readonly description: string;
  /** A word or two for the hint line ("edit"); without one, the binding is only in the help. */
  readonly hint?: string | ((context: C) => string);
  readonly handler: (context: C) => void;
  /** Why it cannot be done now (the hint line dims it, the help says why, pressing it says why). */
  readonly disabledReason?: (context: C) => string | undefined;
  /** When it does not apply at all here (hidden, and its keys mean nothing). */
  readonly when?: (context: C) => boolean;
  /** This is how the view tries again after a failure: error messages name its key. */
  readonly retries?: boolean;
};

/** A binding as it stands now: its keys as people read them, and why it is off, if it is. */
export type ResolvedBinding = {
  readonly keys: readonly string[];
  readonly label: string;
  readonly description: string;
  readonly hint: string | undefined;
  readonly disabledReason: string | undefined;
  readonly retries: boolean;
  readonly run: () => void;
};

/** The bindings of `table` that apply in `context`, each with its reason when it cannot be done now. */
export function resolveBindings<C>(table: readonly Binding<C>[], context: C): ResolvedBinding[] {
  return table
    .filter((binding) => binding.when?.(context) ?? true)
    .map((binding) => ({
      keys: binding.keys,
      label: binding.keys.map(keyLabel).join(" "),
      description: binding.description,
      hint: typeof binding.hint === "function" ? binding.hint(context) : binding.hint,
      disabledReason: binding.disabledReason?.(context),
      retries: binding.retries ?? false,
      run: () => binding.handler(context),
    }));
}

/** The binding of `press` among `bindings`, if any. */
export function bindingFor(
  bindings: readonly ResolvedBinding[],
  press: KeyPress,
): ResolvedBinding | undefined {
  if (press.name === "") return undefined;
  return bindings.find((binding) => binding.keys.includes(press.name));
}

/** The key a person presses to try again here, for advice in error messages. */
export function retryKey(bindings: readonly ResolvedBinding[]): string | undefined {
  const binding = bindings.find((b) => b.retries && b.disabledReason === undefined);
  return binding === undefined ? undefined : keyLabel(binding.keys[0] as string);
}

/** `binding` for another kind of context: `to` turns that context into the one the binding takes. */
export function mapBinding<C, D>(binding: Binding<C>, to: (context: D) => C): Binding<D> {
  const { hint, disabledReason, when } = binding;
  return {
    keys: binding.keys,
    description: binding.description,
    ...(hint === undefined ? {} : { hint: typeof hint === "function" ? (d: D) => hint(to(d)) : hint }),
    handler: (d) => binding.handler(to(d)),
    ...(disabledReason ? { disabledReason: (d: D) => disabledReason(to(d)) } : {}),
    ...(when ? { when: (d: D) => when(to(d)) } : {}),
    ...(binding.retries ? { retries: true } : {}),
  };
}
