// The anchor of the TUI start-up figure: the smallest Ink program, started the same way as agentdeck.
// Plain JavaScript (React.createElement, no JSX) so it runs without a build step.
import { render, Text } from "ink";
import React from "react";

render(React.createElement(Text, null, "hello from ink"));
// Stays up, like the TUI, until the benchmark has read its memory use and stops it.
const alive = setInterval(() => {}, 60_000);
// Exits normally on SIGTERM, so a CPU profile taken with --cpu-prof gets written.
process.once("SIGTERM", () => {
  clearInterval(alive);
  process.exit(0);
});
