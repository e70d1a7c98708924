import type { SandboxStore } from "@agentdeck/sandbox";

/** Provider state name → what puts the sandbox's store in that state. */
export type StateSetups = Record<string, (store: SandboxStore) => void>;
