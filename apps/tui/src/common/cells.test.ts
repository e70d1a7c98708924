import stringWidth from "string-width";
import { describe, expect, test } from "vitest";
import { cellWidth, clip, fit, wrapLines } from "./cells.ts";

describe("cells", () => {
  test("fit fills exactly its width: cut with an ellipsis, padded on the side away from its alignment", () => {
    expect(fit("abc", 6)).toBe("abc   ");
    expect(fit("42", 6, "right")).toBe("    42");
    expect(fit("Marketplace sellers", 8)).toBe("Marketp…");
    // Wide characters count two cells each, whether cut or padded.
    expect(fit("日本語", 7)).toBe("日本語 ");
    expect(fit("日本語の名前", 7)).toBe("日本語…");
  });

  test("clip never splits a character drawn as one, and never exceeds its width", () => {
    expect(clip("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", 5)).toBe("👩‍👩‍👧👩‍👩‍👧…");
    expect(clip("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", 4)).toBe("👩‍👩‍👧…");
    expect(clip("éééé", 3)).toBe("éé…");
    for (const text of ["ab日本語cd", "🇫🇷🇫🇷🇫🇷", "x".repeat(30)]) {
      for (let width = 1; width < 12; width++)
        expect(stringWidth(clip(text, width))).toBeLessThanOrEqual(width);
    }
    expect(cellWidth("日本")).toBe(4);
  });

  test("wrapLines breaks at spaces, stops at its line limit with an ellipsis, and collapses runs of blank lines", () => {
    expect(wrapLines("one two three four", 9, 5)).toEqual(["one two", "three", "four"]);
    expect(wrapLines(`${"\n".repeat(30)}padded`, 20, 3)).toEqual(["padded"]);
    const cut = wrapLines("a".repeat(100), 10, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]?.endsWith("…")).toBe(true);
    expect(cut.every((line) => stringWidth(line) <= 10)).toBe(true);
  });
});
