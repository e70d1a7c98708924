import { describe, expect, test } from "vitest";
import { resolveBindings } from "../keys/binding.ts";
import { helpLines, packHelp } from "./HelpOverlay.tsx";

const group = (title: string, count: number) => ({
  title,
  bindings: resolveBindings(
    Array.from({ length: count }, (_, i) => ({
      keys: [String(i)],
      description: `key ${i}`,
      handler: () => {},
    })),
    {},
  ),
});

describe("the help", () => {
  test("packs whole groups into columns when they fit", () => {
    const groups = [group("One", 10), group("Two", 10)];
    expect(packHelp(groups, 15, 2)).toHaveLength(2);
    expect(packHelp(groups, 8, 2)).toBeUndefined();
  });

  test("a binding that cannot be done now is followed by why", () => {
    const [binding] = resolveBindings(
      [{ keys: ["p"], description: "pause", disabledReason: () => "it has ended", handler: () => {} }],
      {},
    );
    expect(helpLines([{ title: "Monitor", bindings: [binding as never] }])).toEqual([
      { kind: "title", text: "Monitor" },
      { kind: "key", label: "p", text: "pause", disabled: true },
      { kind: "reason", text: "not now: it has ended" },
    ]);
  });
});
