export { runTui, runTuiCommand } from "./cli/run.tsx";
