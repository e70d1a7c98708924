import { Text } from "ink";
import { clip } from "../common/cells.ts";
import { sanitize } from "../common/sanitize.ts";
import { useTheme } from "../common/theme.ts";
import type { Binding } from "../keys/binding.ts";
import type { View, ViewContext, ViewProps } from "../shell/viewStack.ts";

/** A yes/no question on the line under the view it is about. */
export type ConfirmState = {
  readonly question: string;
  /** What `y` does, with the context of the view that asked. */
  readonly yes: () => void;
  /** What `n` (or Esc) does besides closing the question. */
  readonly no?: () => void;
};

type Context = ViewContext<ConfirmState>;

const BINDINGS: readonly Binding<Context>[] = [
  {
    keys: ["y", "Y"],
    description: "yes",
    hint: "yes",
    handler: (c) => {
      c.stack.close(c.id);
      c.state.yes();
    },
  },
  {
    keys: ["n", "N", "esc"],
    description: "no",
    hint: "no",
    handler: (c) => {
      c.stack.close(c.id);
      c.state.no?.();
    },
  },
];

function Confirm({ context }: ViewProps<ConfirmState>) {
  const theme = useTheme();
  return (
    <Text color={theme.warning} bold>
      {clip(`${sanitize(context.state.question)} y/n`, context.area.width)}
    </Text>
  );
}

/** Asks before something that cannot be taken back; every other key waits for the answer. */
export const CONFIRM_VIEW: View<ConfirmState> = {
  title: "Question",
  bindings: () => BINDINGS,
  typing: () => true,
  overlay: true,
  Render: Confirm,
};
