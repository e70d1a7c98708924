// The anchor of the cursor-move figure: a bare Ink list of 100 rows, 120×40, with a detail pane,
// rendered with the TUI's render options. Each row is one pre-padded <Text>, so it shows what
// Ink itself costs to move a cursor on a screen this full. Plain JavaScript, no build step.
import { Box, render, Text, useInput } from "ink";
import React, { useState } from "react";

const h = React.createElement;
const ROWS = 100;
const VISIBLE = 35;
const pools = Array.from({ length: ROWS }, (_, i) => ({
  id: `${String(i + 1).padStart(8, "0")}-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
  name: `Pool ${String(i + 1).padStart(6, "0")}`,
  strategy: i % 2 === 0 ? "least_recently_used" : "most_recently_used",
  concurrent: i % 3 === 0 ? "yes" : "no",
  updated: `2025-06-${String((i % 28) + 1).padStart(2, "0")} 09:00`,
}));
const line = (p) => `${p.name.padEnd(24)} ${p.strategy.padEnd(20)} ${p.concurrent.padEnd(10)} ${p.updated}`;

function List() {
  const [cursor, setCursor] = useState(0);
  const [top, setTop] = useState(0);
  useInput((input) => {
    const next = Math.min(ROWS - 1, Math.max(0, cursor + (input === "j" ? 1 : input === "k" ? -1 : 0)));
    setCursor(next);
    if (next < top) setTop(next);
    else if (next >= top + VISIBLE) setTop(next - VISIBLE + 1);
  });
  const selected = pools[cursor];
  return h(
    Box,
    { flexDirection: "row", width: 120, height: 38 },
    h(
      Box,
      { flexDirection: "column", flexGrow: 1 },
      h(Text, { bold: true }, `${ROWS} pools  page 1/1  sort name ▲`),
      h(
        Text,
        { bold: true, dimColor: true },
        ` ${"NAME".padEnd(24)} ${"STRATEGY".padEnd(20)} ${"CONCURRENT".padEnd(10)} UPDATED`,
      ),
      ...pools
        .slice(top, top + VISIBLE)
        .map((p, i) =>
          h(
            Text,
            { key: p.id, inverse: top + i === cursor, wrap: "truncate-end" },
            `${top + i === cursor ? "›" : " "}${line(p)}`,
          ),
        ),
    ),
    h(
      Box,
      {
        flexDirection: "column",
        width: 42,
        borderStyle: "single",
        borderTop: false,
        borderBottom: false,
        borderRight: false,
        paddingLeft: 1,
      },
      h(Text, { bold: true }, selected.name),
      ...[
        ["id", selected.id],
        ["strategy", selected.strategy],
        ["concurrent", selected.concurrent],
        ["updated", selected.updated],
      ].map(([label, value]) =>
        h(
          Box,
          { key: label },
          h(Box, { width: 11 }, h(Text, { dimColor: true }, label)),
          h(Text, null, value),
        ),
      ),
    ),
  );
}

render(h(List), { alternateScreen: true, incrementalRendering: true, maxFps: 60, interactive: true });
process.once("SIGTERM", () => process.exit(0));
