import { describe, expect, it } from "vitest";
import { createRedactor, REDACTED, redactDeep } from "./redact.ts";

describe("createRedactor", () => {
  it("redacts a key of any length, even two characters", () => {
    expect(createRedactor(["Qz"])("aQzb")).toBe(`a${REDACTED}b`);
  });

  it("redacts every form of a key: raw, encodeURIComponent, query-encoded and JSON-escaped", () => {
    const key = `a/b~c"d`;
    const redact = createRedactor([key]);
    for (const form of [key, "a%2Fb~c%22d", "a%2Fb%7Ec%22d", 'a/b~c\\"d']) {
      expect(redact(`<${form}>`)).toBe(`<${REDACTED}>`);
    }
  });

  it("redacts whatever the letter case, as percent-encoding's hex may come either way", () => {
    expect(createRedactor(["a/b"])("A%2fB")).toBe(REDACTED);
  });

  it("replaces a key that contains another whole, and never inside a redaction already made", () => {
    expect(createRedactor(["ab", "xaby"])("xaby ab")).toBe(`${REDACTED} ${REDACTED}`);
    expect(createRedactor(["red", "act"])("red act")).toBe(`${REDACTED} ${REDACTED}`);
  });

  it("redacts credential-named query parameters whatever their value, and leaves other text alone", () => {
    const redact = createRedactor([undefined, ""]);
    expect(redact("https://h/x?token=abc&page=2&api_key=def")).toBe(
      `https://h/x?token=${REDACTED}&page=2&api_key=${REDACTED}`,
    );
    expect(redact("nothing secret")).toBe("nothing secret");
  });
});

describe("redactDeep", () => {
  it("redacts strings and keys at every depth, and keeps other values", () => {
    const redact = createRedactor(["sk"]);
    expect(redactDeep({ sk: ["sk", 1, null, { n: true, s: "x sk" }] }, redact)).toEqual({
      [REDACTED]: [REDACTED, 1, null, { n: true, s: `x ${REDACTED}` }],
    });
  });
});
