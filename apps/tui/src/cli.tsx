#!/usr/bin/env node
// Placeholder until the Ink UI lands (issue: apps/tui).
process.stdout.write("agentdeck: the terminal UI is not built yet. See README.md for what works today.\n");
