import { createContext, useContext } from "react";

/** The colours the UI draws with; every one is undefined when colour is off. */
export type Theme = {
  readonly accent: string | undefined;
  readonly muted: string | undefined;
  readonly error: string | undefined;
  readonly warning: string | undefined;
  readonly success: string | undefined;
  readonly info: string | undefined;
};

const COLOURS: Theme = {
  accent: "cyan",
  muted: "gray",
  error: "red",
  warning: "yellow",
  success: "green",
  info: "blue",
};

const PLAIN: Theme = {
  accent: undefined,
  muted: undefined,
  error: undefined,
  warning: undefined,
  success: undefined,
  info: undefined,
};

/** Whether the environment asks for no colour (https://no-color.org: any non-empty `NO_COLOR`). */
export function colourDisabled(env: NodeJS.ProcessEnv): boolean {
  return env.NO_COLOR !== undefined && env.NO_COLOR !== "";
}

/** The theme to draw with. */
export function themeFor(options: { colour: boolean }): Theme {
  return options.colour ? COLOURS : PLAIN;
}

export const ThemeContext = createContext<Theme>(COLOURS);

/** The current theme. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}

/** The colour an execution status is drawn in. */
export function statusColour(theme: Theme, status: string): string | undefined {
  switch (status) {
    case "completed":
    case "active":
      return theme.success;
    case "failed":
      return theme.error;
    case "cancelled":
    case "retired":
      return theme.muted;
    case "paused":
    case "paused_by_agent":
    case "awaiting_confirmation":
    case "pending":
    case "dormant":
      return theme.warning;
    default:
      return theme.info;
  }
}
