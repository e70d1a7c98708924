export { Terminal, tmuxMissing } from "./terminal.ts";
