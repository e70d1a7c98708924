import { project } from "../../vitest.shared.ts";

// The end-to-end tests start the built command against a sandbox, many times a file.
export default project("cli", { testTimeout: 30_000 });
