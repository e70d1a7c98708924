import { once } from "node:events";
import { createWriteStream, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBatch } from "../run/run-batch.ts";
import { useBatchSandbox } from "../test/batch-sandbox.ts";
import type { ColumnMapping } from "./mapping.ts";
import { readRows } from "./read-rows.ts";
import { RowsError } from "./row-issues.ts";

const env = useBatchSandbox();

let files = 0;
function file(extension: string, text: string): string {
  const path = join(env.dir, `rows-${++files}.${extension}`);
  writeFileSync(path, text);
  return path;
}

/** Reads every row, or the RowsError that ends the reading. */
async function read(path: string, mapping?: ColumnMapping) {
  const rows = [];
  try {
    for await (const row of readRows({ path, mapping })) rows.push(row);
    return { rows, error: undefined };
  } catch (error) {
    if (!(error instanceof RowsError)) throw error;
    return { rows, error };
  }
}

/** Runs a batch over the file through the sandbox; it must refuse before sending anything. */
async function expectNothingStarted(path: string, mapping?: ColumnMapping): Promise<RowsError> {
  const journal = join(env.dir, `refused-${++files}.sqlite`);
  const before = env.sandbox.store.executions.list({
    page: 1,
    pageSize: 1,
    sortField: "created_at",
    sortDirection: "desc",
  }).total;
  const error = await runBatch({
    client: env.client,
    agentId: env.agentId,
    pool: env.poolId,
    rows: readRows({ path, mapping }),
    journal,
  }).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(RowsError);
  const after = env.sandbox.store.executions.list({
    page: 1,
    pageSize: 1,
    sortField: "created_at",
    sortDirection: "desc",
  }).total;
  expect(after).toBe(before);
  expect(existsSync(journal)).toBe(false);
  return error as RowsError;
}

describe("reading rows", () => {
  it("maps CSV columns to typed inputs, metadata and a key", async () => {
    const path = file(
      "csv",
      'id,city,qty,vip,extra,notes\nc1,Lisbon,3,yes,"{""a"":1}",\nc2,Porto,4.5,0,[],hi\n',
    );
    const { rows, error } = await read(path, {
      inputs: {
        city: { column: "city", type: "string", optional: false },
        qty: { column: "qty", type: "number", optional: false },
        vip: { column: "vip", type: "boolean", optional: false },
        extra: { column: "extra", type: "json", optional: false },
        notes: { column: "notes", type: "string", optional: true },
      },
      metadata: { customer: "id" },
      key: "id",
    });
    expect(error).toBeUndefined();
    expect(rows).toEqual([
      {
        line: 2,
        key: "c1",
        metadata: { customer: "c1" },
        inputs: { city: "Lisbon", qty: 3, vip: true, extra: { a: 1 } },
      },
      {
        line: 3,
        key: "c2",
        metadata: { customer: "c2" },
        inputs: { city: "Porto", qty: 4.5, vip: false, extra: [], notes: "hi" },
      },
    ]);
  });

  it("names the line and column of every broken CSV record in one pass, and starts nothing", async () => {
    const path = file("csv", 'id,city\n1,Lisbon\n2,Porto,extra\n3,Li"sbon\n4,Faro\n5,"Braga\n');
    const error = await expectNothingStarted(path);
    expect(error.issues).toEqual([
      { line: 3, message: expect.stringContaining("has 3 fields where the header has 2") },
      { line: 4, column: "city", message: expect.stringContaining("a quote inside a field") },
      { line: 6, column: "city", message: expect.stringContaining("a quoted field is never closed") },
    ]);
    expect(error.message).toContain("3 problems; nothing was started");
    expect(error.message).toContain('line 4, column "city": a quote inside a field');
  });

  it("refuses a mapping that names a column the header lacks, at line 1, listing the columns", async () => {
    const path = file("csv", "id,city\n1,Lisbon\n");
    const error = await expectNothingStarted(path, {
      inputs: { qty: { column: "Qty", type: "number", optional: false } },
    });
    expect(error.issues).toEqual([
      { line: 1, column: "Qty", message: 'is not in the header; the columns are "id", "city"' },
    ]);
  });

  it("names the line and column of values that are not of their type, and of empty required cells", async () => {
    const path = file("csv", "id,qty\n1,3\n2,abc\n3,\n4,2.5\n");
    const { rows, error } = await read(path, {
      inputs: { qty: { column: "qty", type: "integer", optional: false } },
    });
    expect(rows.map((row) => row.line)).toEqual([2]);
    expect(error?.issues).toEqual([
      { line: 3, column: "qty", message: '"abc" is not a number' },
      { line: 4, column: "qty", message: expect.stringContaining("is empty; expected an integer") },
      { line: 5, column: "qty", message: '"2.5" is not a whole number' },
    ]);
  });

  it("refuses two rows with one key, naming both lines", async () => {
    const path = file("csv", "id,city\na,Lisbon\nb,Porto\na,Faro\n");
    const error = await expectNothingStarted(path, { key: "id" });
    expect(error.issues).toEqual([
      { line: 4, message: expect.stringContaining("has the same key (a) as line 2") },
    ]);
  });

  it("refuses a header with a column twice", async () => {
    const { error } = await read(file("csv", "id,id\n1,2\n"));
    expect(error?.issues).toEqual([{ line: 1, column: "id", message: "appears twice in the header" }]);
  });

  it("reads JSONL, naming lines that are not JSON objects or lack a mapped field", async () => {
    const path = file("jsonl", '{"city":"Lisbon","qty":1}\n\n{"city":\n[1,2]\n{"qty":2}\n');
    const { rows, error } = await read(path, {
      inputs: { city: { column: "city", type: "string", optional: false } },
    });
    expect(rows).toEqual([{ line: 1, inputs: { city: "Lisbon" } }]);
    expect(error?.issues).toEqual([
      { line: 3, message: expect.stringMatching(/^is not JSON: /) },
      { line: 4, message: expect.stringContaining("must be a JSON object") },
      { line: 5, column: "city", message: "is missing" },
    ]);
  });

  it("reads a JSON array, naming the item of a bad one", async () => {
    const { rows, error } = await read(file("json", '[{"n": 1}, {"n": "x"}]'), {
      inputs: { n: { column: "n", type: "number", optional: false } },
    });
    expect(rows).toEqual([{ line: 1, inputs: { n: 1 } }]);
    expect(error?.message).toContain('item 2, column "n": "x" is not a number');
    expect((await read(file("json", '{"n": 1}'))).error?.issues[0]?.message).toContain(
      "must hold a JSON array",
    );
  });

  it("checks the whole of a 50 MB CSV before starting anything, and names the broken record at its end", async () => {
    const path = join(env.dir, "big.csv");
    const out = createWriteStream(path);
    out.write("id,city,notes\n");
    // Long records keep the row count (and the test's time) down; the parser still reads every byte.
    const filler = "x".repeat(1000);
    let line = 2;
    let bytes = 0;
    while (bytes < 50 * 1024 * 1024) {
      const text = `${line},Lisbon,${filler}\n`;
      bytes += text.length;
      line++;
      if (!out.write(text)) await once(out, "drain");
    }
    out.end(`${line},"Porto,never closed\n`);
    await once(out, "finish");
    const error = await expectNothingStarted(path);
    expect(error.issues).toEqual([
      { line, column: "city", message: expect.stringContaining("a quoted field is never closed") },
    ]);
  }, 60_000);

  it("refuses a 50 MB record without holding it, naming its line and column", async () => {
    const path = join(env.dir, "huge-cell.csv");
    const out = createWriteStream(path);
    out.write("id,notes\n1,short\n2,");
    const chunk = "y".repeat(1024 * 1024);
    for (let i = 0; i < 50; i++) if (!out.write(chunk)) await once(out, "drain");
    out.end("\n3,short\n");
    await once(out, "finish");
    const error = await expectNothingStarted(path);
    expect(error.issues).toEqual([
      { line: 3, column: "notes", message: expect.stringContaining("longer than 1 MiB") },
    ]);
  }, 60_000);

  it("refuses rows of its own caller that are too large or use the batch's metadata keys", async () => {
    const error = await runBatch({
      client: env.client,
      agentId: env.agentId,
      pool: env.poolId,
      rows: [
        { inputs: { text: "z".repeat(2 * 1024 * 1024) } },
        { inputs: {}, metadata: { agentdeck_row: "mine" } },
        { inputs: "not an object" },
      ],
      journal: join(env.dir, "caller.sqlite"),
    }).catch((thrown: unknown) => thrown);
    expect((error as RowsError).issues).toEqual([
      { line: 1, column: "text", message: expect.stringContaining("makes a request of 2.0 MiB") },
      {
        line: 2,
        column: "metadata.agentdeck_row",
        message: expect.stringContaining("the batch sets itself"),
      },
      { line: 3, column: "inputs", message: "must be an object" },
    ]);
  });
});
