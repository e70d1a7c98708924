export { EXIT, EXIT_CODE_MEANINGS, type ExitCode } from "./exit-codes.ts";
export { bufferedIo, type CliIo, type InputStream, InterruptedError, type OutputStream } from "./io.ts";
export { runCli } from "./run-cli.ts";
