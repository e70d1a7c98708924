import stringWidth from "string-width";
import { describe, expect, test } from "vitest";
import { columnWidths, fittingColumns, rowCells } from "./Table.tsx";

const columns = [
  { title: "Name", cell: (row: { name: string }) => row.name },
  { title: "Strategy", width: 20, cell: () => "least_recently_used" },
  { title: "Concurrent", width: 10, cell: () => "no", optional: true },
  { title: "Updated", width: 16, cell: () => "2025-06-02 09:00", optional: true },
];

describe("the table", () => {
  test("a narrow table leaves out optional columns, rightmost first, so names keep room", () => {
    expect(fittingColumns(columns, 120).map((c) => c.title)).toEqual([
      "Name",
      "Strategy",
      "Concurrent",
      "Updated",
    ]);
    expect(fittingColumns(columns, 60).map((c) => c.title)).toEqual(["Name", "Strategy", "Concurrent"]);
    expect(fittingColumns(columns, 30).map((c) => c.title)).toEqual(["Name", "Strategy"]);
  });

  test("cells fill exactly their columns, so a row is never wider than the table", () => {
    const shown = columns.slice(0, 3);
    // marker + name + " " + 20 + " " + 10 = 80
    expect(columnWidths(shown, 80)).toEqual([47, 20, 10]);
    for (const name of [
      "Payroll",
      "x".repeat(500),
      "日本語の名前がとても長い".repeat(5),
      "e\u0301".repeat(80),
      "\u200b".repeat(90),
    ]) {
      const line = ` ${rowCells({ name }, shown, columnWidths(shown, 80)).join(" ")}`;
      expect(stringWidth(line), name).toBe(80);
    }
  });
});
