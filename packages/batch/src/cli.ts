#!/usr/bin/env node
import module from "node:module";

// Node keeps the compiled code of the modules loaded after this call, so the next start skips
// compiling them (Node 22.0 has no compile cache, hence `?.`).
module.enableCompileCache?.();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
