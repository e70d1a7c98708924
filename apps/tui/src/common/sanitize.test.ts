import { describe, expect, test } from "vitest";
import { sanitize } from "./sanitize.ts";

const HOSTILE = "\u001b[31mred\u001b]0;pwned\u0007\u001b[2J";

describe("sanitize", () => {
  test("removes colour, window-title and screen-clearing sequences, keeping the visible text", () => {
    expect(sanitize(HOSTILE)).toBe("red");
  });

  test("leaves no escape or control character behind", () => {
    const samples = [
      HOSTILE,
      "a\u001bb",
      "\u009b31mc1 csi",
      "bell\u0007 backspace\b nul\u0000 del\u007f",
      "\u001bP1$qm\u001b\\dcs",
      "cursor\u001b[10;10Hmove",
      "rtl\u202eoverride\u2066isolate",
    ];
    for (const sample of samples) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none are left
      expect(sanitize(sample)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
  });

  test("turns line breaks and tabs in single-line text into spaces", () => {
    expect(sanitize("first\nsecond\r\nthird\tfourth")).toBe("first second third fourth");
  });

  test("keeps newlines in multi-line text and drops carriage returns that could overwrite a line", () => {
    expect(sanitize("one\r\ntwo\rthree\n\u001b[1mfour", { multiline: true })).toBe("one\ntwo\nthree\nfour");
  });

  test("draws nothing for undefined and null and the text of other values", () => {
    expect(sanitize(undefined)).toBe("");
    expect(sanitize(null)).toBe("");
    expect(sanitize(42)).toBe("42");
  });

  test("leaves ordinary text, accents and emoji alone", () => {
    expect(sanitize("Paiements — équipe 🚀 (EU)")).toBe("Paiements — équipe 🚀 (EU)");
  });
});
