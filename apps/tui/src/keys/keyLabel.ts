const NAMES: Readonly<Record<string, string>> = {
  up: "↑",
  down: "↓",
  left: "←",
  right: "→",
  pageup: "PgUp",
  pagedown: "PgDn",
  home: "Home",
  end: "End",
  enter: "Enter",
  esc: "Esc",
  tab: "Tab",
  "shift+tab": "Shift+Tab",
  backspace: "Backspace",
  delete: "Delete",
  " ": "Space",
};

/** How a key name reads for a person: `pagedown` is `PgDn`, `ctrl+d` is `Ctrl+D`, `j` is `j`. */
export function keyLabel(name: string): string {
  const known = NAMES[name];
  if (known !== undefined) return known;
  const ctrl = /^ctrl\+(.)$/.exec(name);
  if (ctrl) return `Ctrl+${(ctrl[1] as string).toUpperCase()}`;
  return name;
}
