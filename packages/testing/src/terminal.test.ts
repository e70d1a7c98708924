import { describe, expect, test } from "vitest";
import { Terminal, tmuxMissing } from "./terminal.ts";

const missing = tmuxMissing();

describe.skipIf(missing !== undefined)(
  `a terminal to test in${missing ? ` (skipped: ${missing})` : ""}`,
  () => {
    test("runs a program with only the environment given, takes keys and text, and shows how it exited", async () => {
      const script = 'printf "ready %s\\n" "$GREETING"; read -r line; echo "got [$line] CI=[$CI]"; exit 3';
      const terminal = Terminal.start(
        ["bash", "-c", script],
        { GREETING: "hi there" },
        { columns: 60, rows: 10 },
      );
      try {
        await terminal.waitFor("ready hi there");
        terminal.type("a 'quoted' line");
        terminal.press("Enter");
        const screen = await terminal.waitFor("[exited 3]");
        expect(screen).toContain("got [a 'quoted' line] CI=[]");
        await expect(terminal.waitFor((s) => s.includes("never shown"), 100)).rejects.toThrow(
          /Timed out waiting for .*The screen:\nready hi there/s,
        );
      } finally {
        terminal.kill();
        terminal.kill();
      }
    });
  },
);
