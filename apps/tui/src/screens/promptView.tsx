import { Text } from "ink";
import { clip } from "../common/cells.ts";
import { useTheme } from "../common/theme.ts";
import { TextLine } from "../form/TextField.tsx";
import { editText, type TextCursor } from "../form/textEdit.ts";
import type { Binding } from "../keys/binding.ts";
import type { View, ViewContext, ViewProps } from "../shell/viewStack.ts";

/** One line of text asked for under the view it is about (a message to the agent). */
export type PromptState = TextCursor & {
  readonly label: string;
  readonly sending: boolean;
  /** Sends the text; rejects (with the failure reported) to keep the prompt open with the text in it. */
  readonly send: (text: string, context: ViewContext<PromptState>) => Promise<void>;
};

type Context = ViewContext<PromptState>;

function send(context: Context): void {
  const { state } = context;
  if (state.sending || state.value.trim() === "") return;
  context.set((s) => ({ ...s, sending: true }));
  state.send(state.value, context).then(
    () => context.stack.close(context.id),
    // The text stays in the box, so nothing typed is lost; the failure says what happened.
    () => context.set((s) => ({ ...s, sending: false })),
  );
}

const BINDINGS: readonly Binding<Context>[] = [
  {
    keys: ["enter"],
    description: "send it",
    hint: "sends",
    retries: true,
    handler: send,
    disabledReason: (c) => (c.state.value.trim() === "" ? "there is nothing to send" : undefined),
  },
  { keys: ["esc"], description: "cancel", hint: "cancels", handler: (c) => c.stack.close(c.id) },
];

function Prompt({ context, bindings }: ViewProps<PromptState>) {
  const theme = useTheme();
  const { state, area } = context;
  const label = `${state.label}: `;
  const tail = state.sending ? "  sending…" : `  ${bindings.map((b) => `${b.label} ${b.hint}`).join(" · ")}`;
  const room = Math.max(1, area.width - label.length - tail.length);
  return (
    <Text>
      <Text color={theme.accent}>{label}</Text>
      <TextLine text={state.value} cursor={state.sending ? undefined : state.cursor} width={room} />
      <Text color={theme.muted}>{clip(tail, Math.max(0, area.width - label.length - 1))}</Text>
    </Text>
  );
}

/** A line of text to type and send; it takes every key until sent or cancelled. */
export const PROMPT_VIEW: View<PromptState> = {
  title: "Prompt",
  bindings: () => BINDINGS,
  typing: () => true,
  overlay: true,
  unbound: (context, press) => {
    if (context.state.sending) return;
    const edited = editText(context.state, press);
    if (edited !== undefined) context.set((s) => ({ ...s, ...edited }));
  },
  Render: Prompt,
};
