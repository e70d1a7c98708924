import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { defaultSaveName, FileExistsError, saveDownload, savePath } from "./saveDownload.ts";

const dir = mkdtempSync(join(tmpdir(), "agentdeck-save-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function streamOf(...chunks: (string | Error)[]): ReadableStream<Uint8Array> {
  const queue = [...chunks];
  return new ReadableStream({
    pull(controller) {
      const next = queue.shift();
      if (next === undefined) controller.close();
      else if (next instanceof Error) controller.error(next);
      else controller.enqueue(new TextEncoder().encode(next));
    },
  });
}

describe("saving a download", () => {
  test("a server's file name is saved as its last part, without control characters, never as . or ..", () => {
    expect(defaultSaveName("../../.bashrc")).toBe(".bashrc");
    expect(defaultSaveName("reports\\2025\\q1.csv")).toBe("q1.csv");
    expect(defaultSaveName("a\u001b[2Jb.txt")).toBe("ab.txt");
    expect(defaultSaveName("..")).toBe("download");
    expect(defaultSaveName("")).toBe("download");
    const long = defaultSaveName(`${"a".repeat(300)}.csv`);
    expect(long).toHaveLength(100);
    expect(long.endsWith("a.csv")).toBe(true);
  });

  test("a typed path is read from the current directory; nothing typed, or a directory, takes the file's name", () => {
    expect(savePath("", dir, "x.csv")).toBe(join(dir, "x.csv"));
    expect(savePath("  out.csv ", dir, "x.csv")).toBe(join(dir, "out.csv"));
    expect(savePath(".", dir, "../x.csv")).toBe(join(dir, "x.csv"));
    expect(savePath("/tmp/abs.csv", dir, "x.csv")).toBe("/tmp/abs.csv");
  });

  test("writes every byte, and leaves no partial file beside it", async () => {
    const path = join(dir, "whole.txt");
    const seen: number[] = [];
    const bytes = await saveDownload(streamOf("ab", "cde"), path, {
      overwrite: false,
      onProgress: (n) => seen.push(n),
    });
    expect(bytes).toBe(5);
    expect(seen).toEqual([2, 5]);
    expect(readFileSync(path, "utf8")).toBe("abcde");
    expect(readdirSync(dir).filter((f) => f.includes("whole"))).toEqual(["whole.txt"]);
  });

  test("keeps a file that appeared at the path while it downloaded, unless told to replace it", async () => {
    const path = join(dir, "raced.txt");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        writeFileSync(path, "theirs");
        controller.enqueue(new TextEncoder().encode("ours"));
        controller.close();
      },
    });
    await expect(saveDownload(stream, path, { overwrite: false })).rejects.toBeInstanceOf(FileExistsError);
    expect(readFileSync(path, "utf8")).toBe("theirs");
    await saveDownload(streamOf("ours"), path, { overwrite: true });
    expect(readFileSync(path, "utf8")).toBe("ours");
    expect(readdirSync(dir).filter((f) => f.includes("raced"))).toEqual(["raced.txt"]);
  });

  test("a download cut off part way replaces nothing and leaves nothing", async () => {
    const path = join(dir, "kept.txt");
    writeFileSync(path, "before");
    await expect(
      saveDownload(streamOf("half", new Error("connection reset")), path, { overwrite: true }),
    ).rejects.toThrow("connection reset");
    expect(readFileSync(path, "utf8")).toBe("before");
    expect(readdirSync(dir).filter((f) => f.includes("kept"))).toEqual(["kept.txt"]);
  });
});
