import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DebugLogError, openDebugLog } from "./debugLog.ts";

const fresh = () => {
  const dir = join(mkdtempSync(join(tmpdir(), "agentdeck-log-")), "logs");
  mkdirSync(dir, { mode: 0o700 });
  return dir;
};
const mode = (path: string) => statSync(path).mode & 0o777;

describe("the debug log", () => {
  test("is created with mode 0600 in a directory made 0700, with no warning, and appended to", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "agentdeck-log-")), "state", "logs");
    const log = openDebugLog(dir);
    log.write("first line\n");
    await log.close();
    expect(log.warnings).toEqual([]);
    expect(mode(log.path)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
    const again = openDebugLog(dir);
    again.write("second line\n");
    await again.close();
    expect(readFileSync(log.path, "utf8")).toBe("first line\nsecond line\n");
  });

  test("one other users can read is tightened to 0600, with a warning", () => {
    const dir = fresh();
    writeFileSync(join(dir, "debug.log"), "old\n", { mode: 0o644 });
    chmodSync(join(dir, "debug.log"), 0o644);
    const log = openDebugLog(dir);
    expect(mode(log.path)).toBe(0o600);
    expect(log.warnings.join(" ")).toContain(
      "could be read by other users (mode 644); agentdeck made it 600",
    );
  });

  test("a symbolic link in its place is refused, not followed, and the error quotes nothing of its target", () => {
    const dir = fresh();
    const target = join(dir, "..", "secret.txt");
    writeFileSync(target, "root:x:0:0:secret-line\n", { mode: 0o644 });
    symlinkSync(target, join(dir, "debug.log"));
    let thrown: unknown;
    try {
      openDebugLog(dir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DebugLogError);
    expect((thrown as Error).message).toContain("is a symbolic link; agentdeck does not follow it");
    expect(JSON.stringify(thrown) + String((thrown as Error).message)).not.toContain("secret-line");
    // The target is untouched.
    expect(readFileSync(target, "utf8")).toBe("root:x:0:0:secret-line\n");
    expect(lstatSync(join(dir, "debug.log")).isSymbolicLink()).toBe(true);
  });

  test("a log directory others can open is warned about", () => {
    const dir = fresh();
    chmodSync(dir, 0o777);
    const log = openDebugLog(dir);
    expect(log.warnings.join(" ")).toContain(`can be opened by other users (mode 777): run chmod 700 ${dir}`);
  });

  test("something that is not a file in its place is refused", () => {
    const dir = fresh();
    mkdirSync(join(dir, "debug.log"));
    expect(() => openDebugLog(dir)).toThrow(DebugLogError);
  });
});
