// The bundled twin of ink-hello.js: the same program shipped the way agentdeck ships (one esbuild
// bundle, React in production mode, the compile cache on before the bundle loads). See
// figures/tui-startup.ts, which bundles ink-hello.js next to this file.
import module from "node:module";

module.enableCompileCache?.();
await import("./ink-hello.bundle.js");
