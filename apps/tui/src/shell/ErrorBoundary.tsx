import { Box, Text } from "ink";
import { Component, type ReactNode } from "react";
import { sanitize } from "../common/sanitize.ts";

/**
 * The last resort: a screen that throws while rendering shows what broke instead of taking the
 * whole UI down; the other tabs keep working, and switching back tries it again.
 */
export class ErrorBoundary extends Component<
  { readonly children: ReactNode; readonly name: string; readonly resetKey: unknown },
  { error: Error | undefined; resetKey: unknown }
> {
  override state: { error: Error | undefined; resetKey: unknown } = { error: undefined, resetKey: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: { resetKey: unknown },
    state: { error: Error | undefined; resetKey: unknown },
  ) {
    // Coming back to the tab (a new reset key) gives the screen another try.
    return props.resetKey === state.resetKey ? null : { error: undefined, resetKey: props.resetKey };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <Box flexDirection="column" paddingX={1}>
        <Text bold>
          The {this.props.name} view failed: {sanitize(this.state.error.message)}
        </Text>
        <Text>
          Switch to another tab and back to try again; the other tabs still work. Please report this.
        </Text>
      </Box>
    );
  }
}
