import { project } from "../../vitest.shared.ts";

// The UI tests each start a sandbox and drive whole screens, and the end-to-end tests drive a
// real terminal, so they get more time than a unit test.
export default project("tui", { testTimeout: 30_000 });
