#!/usr/bin/env node
import module from "node:module";

// Node keeps the compiled code of modules loaded after this call (in its cache directory under the
// system's temporary one), so a second start skips compiling: everything else is imported after it.
// Node 22.0 has no compile cache, hence `?.`.
module.enableCompileCache?.();
const { runTuiCommand } = await import("./run.tsx");
runTuiCommand(process.argv.slice(2));
