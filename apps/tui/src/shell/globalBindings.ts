import type { Binding } from "../keys/binding.ts";
import { cycleTab, TABS, type TabId } from "./TabBar.tsx";

/** What the keys that work everywhere act on. */
export type AppActions = {
  readonly tab: TabId;
  readonly showTab: (tab: TabId) => void;
  readonly openHelp: () => void;
  /** Why there is no other profile to switch to, if there is none. */
  readonly profilesUnavailable: string | undefined;
  readonly openProfiles: () => void;
  readonly quit: () => void;
};

/** The keys that work wherever nothing is being typed. */
export const GLOBAL_BINDINGS: readonly Binding<AppActions>[] = [
  ...TABS.map(
    (tab, index): Binding<AppActions> => ({
      keys: [String(index + 1)],
      description: tab.title,
      handler: (app) => app.showTab(tab.id),
    }),
  ),
  { keys: ["tab"], description: "next tab", handler: (app) => app.showTab(cycleTab(app.tab, 1)) },
  { keys: ["shift+tab"], description: "previous tab", handler: (app) => app.showTab(cycleTab(app.tab, -1)) },
  {
    keys: ["?"],
    description: "the keys of where you are (Esc or ? closes it)",
    handler: (app) => app.openHelp(),
  },
  {
    keys: ["P"],
    description: "switch to another profile of the config file",
    disabledReason: (app) => app.profilesUnavailable,
    handler: (app) => app.openProfiles(),
  },
  { keys: ["q", "ctrl+c"], description: "quit (q is a letter while typing)", handler: (app) => app.quit() },
];
