export { runTui, runTuiCommand } from "./main.tsx";
