import fc from "fast-check";
import stringWidthOfAnyText from "string-width";
import { describe, expect, test } from "vitest";
import stringWidth, { NARROW } from "./stringWidth.ts";

describe("the fast string width", () => {
  test("every character of its fast path is one cell, as string-width counts it", () => {
    for (let code = 0x20; code < 0x2800; code++) {
      const character = String.fromCodePoint(code);
      if (NARROW.test(character)) expect(stringWidthOfAnyText(character), code.toString(16)).toBe(1);
    }
  });

  test("gives string-width's answer for other text", () => {
    for (const text of [
      "plain",
      "› 100 pools ▲",
      "日本語",
      "e\u0301",
      "👩‍👩‍👧",
      "\u200b",
      "\u001b[31mred\u001b[39m",
      "\u00ad",
    ]) {
      expect(stringWidth(text), text).toBe(stringWidthOfAnyText(text));
    }
    expect(stringWidth("●", { ambiguousIsNarrow: false })).toBe(2);
    expect(stringWidth("\u001b[31mab\u001b[39m", { countAnsiEscapeCodes: true })).toBe(
      stringWidthOfAnyText("\u001b[31mab\u001b[39m", { countAnsiEscapeCodes: true }),
    );
  });

  test("equals string-width on any text, narrow, wide, combining, emoji and escapes mixed", () => {
    // Mostly characters near the fast path's ranges (so whole strings often take it), some far from them.
    const character = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.integer({ min: 0x20, max: 0x2fff }).map((code) => String.fromCodePoint(code)),
      },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
      { weight: 1, arbitrary: fc.constantFrom("\u001b[31m", "\u001b[39m", "\u009b1m", "👩‍👩‍👧", "\t") },
    );
    fc.assert(
      fc.property(fc.array(character, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(stringWidth(text)).toBe(stringWidthOfAnyText(text));
      }),
      { numRuns: 5000 },
    );
  });
});
