import { describe, expect, test } from "vitest";
import { painter } from "./colour.ts";
import { toJson, toJsonLine } from "./json.ts";
import { sanitize } from "./sanitize.ts";
import { renderFields, renderTable } from "./table.ts";
import { clip, displayWidth, fit } from "./width.ts";

const plain = painter(false);
const columns = [
  { header: "ID", cell: (row: { id: string; name: string }) => row.id },
  { header: "NAME", cell: (row: { id: string; name: string }) => row.name, flex: true },
];

describe("sanitize", () => {
  test("removes escape sequences, C0 and C1 controls and bidirectional overrides, and keeps one line", () => {
    expect(sanitize("a\u001b[31mb\u001b]0;title\u0007c\u009b2Jd\u202ee\u2066f\r\ng\th")).toBe("abcdef g h");
    expect(sanitize(undefined)).toBe("");
    expect(sanitize(42)).toBe("42");
  });
});

describe("clipping by display width", () => {
  test("counts wide characters as two columns and never splits a character", () => {
    expect(displayWidth("日本語")).toBe(6);
    expect(clip("日本語テキスト", 7)).toBe("日本語…");
    expect(displayWidth(clip("日本語テキスト", 7))).toBeLessThanOrEqual(7);
    expect(clip("👩‍👩‍👧 family", 4)).toBe("👩‍👩‍👧 …");
    expect(clip("e\u0301clair", 3)).toBe("e\u0301c…");
    expect(fit("ab", 4)).toBe("ab  ");
    expect(clip("short", 10)).toBe("short");
  });
});

describe("renderTable", () => {
  test("aligns by display width, so wide names keep the columns straight", () => {
    const lines = renderTable(
      columns,
      [
        { id: "1", name: "日本" },
        { id: "22", name: "x" },
      ],
      { width: undefined, paint: plain },
    );
    expect(lines).toEqual(["ID  NAME", "1   日本", "22  x"]);
  });

  test("shrinks the flexible column first, then leaves the last columns out; no line is wider than the terminal", () => {
    const rows = [{ id: "0123456789", name: "a fairly long name that will not fit" }];
    const fitted = renderTable(columns, rows, { width: 30, paint: plain });
    expect(fitted).toEqual(["ID          NAME", "0123456789  a fairly long nam…"]);
    const three = [...columns, { header: "EXTRA", cell: () => "wide extra column" }];
    const narrow = renderTable(three, rows, { width: 24, paint: plain });
    expect(narrow).toEqual(["ID          NAME", "0123456789  a fairly lo…"]);
    expect(narrow.every((line) => displayWidth(line) <= 24)).toBe(true);
  });
});

describe("renderFields", () => {
  test("aligns labels, leaves out empty values, and joins with a tab in a pipe", () => {
    const fields = [
      ["id", "7"],
      ["name", "x"],
      ["none", undefined],
    ] as const;
    expect(renderFields(fields, { width: undefined, paint: plain })).toEqual(["id    7", "name  x"]);
    expect(renderFields(fields, { width: undefined, paint: plain, separator: "\t" })).toEqual([
      "id\t7",
      "name\tx",
    ]);
  });
});

describe("JSON output", () => {
  test("escapes what JSON leaves raw but a terminal would act on, and parses to the same value", () => {
    const value = { name: "a\u009b2J\u202eb\u2028c\u007f" };
    for (const text of [toJson(value), toJsonLine(value)]) {
      expect(text).not.toMatch(/[\u007f-\u009f\u2028\u202e]/);
      expect(JSON.parse(text)).toEqual(value);
    }
    expect(toJsonLine(value)).toBe('{"name":"a\\u009b2J\\u202eb\\u2028c\\u007f"}');
  });
});
