import { project } from "../vitest.shared.ts";

export default project("contracts", { testTimeout: 60_000 });
