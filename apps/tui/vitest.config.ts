import { project } from "../../vitest.shared.ts";

const base = project("tui", { testTimeout: 30_000 });

// The UI tests each start a sandbox and drive whole screens, and the end-to-end tests drive a
// real terminal, so they get more time than a unit test. Files share their workers (no test here
// keeps state in a module between files), which saves loading Ink, React and core once per file.
export default { ...base, test: { ...base.test, isolate: false } };
