#!/usr/bin/env node
import module from "node:module";

// Node keeps the compiled code of the modules loaded after this call, so later starts skip
// compiling; everything else is imported after it. Node 22.0 has no compile cache, hence `?.`.
module.enableCompileCache?.();
const { main } = await import("./main.ts");
await main(process.argv.slice(2));
