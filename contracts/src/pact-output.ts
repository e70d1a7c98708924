import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONSUMER, type Provider } from "./participants.ts";
import { committedPact, PACTS_DIR, pactFileName } from "./paths.ts";

/** `UPDATE_PACTS=1 pnpm contracts` rewrites contracts/pacts from the consumer tests instead of comparing. */
export const updatingPacts = process.env.UPDATE_PACTS === "1";

/**
 * A fresh directory for one run's pact files. Pact merges new interactions into a pact file that
 * already exists, so writing straight into contracts/pacts would keep interactions a test no longer has.
 */
export function freshPactDir(): string {
  return mkdtempSync(join(tmpdir(), "agentdeck-pacts-"));
}

/** Removes a directory made by `freshPactDir`. */
export function removePactDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Where a difference between two texts starts, for a failure message a person can act on. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return `line ${i + 1}: committed ${JSON.stringify(a[i] ?? "<end of file>")}, regenerated ${JSON.stringify(b[i] ?? "<end of file>")}`;
    }
  }
  return "the files differ only in line endings";
}

/**
 * After a consumer test file has run: with UPDATE_PACTS=1 the regenerated pact replaces the committed
 * one; otherwise it must equal the committed one byte for byte, or this throws saying where they part.
 */
export function settleRegeneratedPact(provider: Provider, dir: string, consumer: string = CONSUMER): void {
  const name = pactFileName(provider, consumer);
  const regenerated = readFileSync(join(dir, name), "utf8");
  const committed = committedPact(provider, consumer);
  if (updatingPacts) {
    mkdirSync(PACTS_DIR, { recursive: true });
    // Written beside the target and renamed over it, so a verification running alongside never reads half a file.
    const partial = `${committed}.partial`;
    writeFileSync(partial, regenerated);
    renameSync(partial, committed);
    return;
  }
  if (!existsSync(committed)) {
    throw new Error(
      `${committed} is missing: run \`UPDATE_PACTS=1 pnpm contracts\` and commit contracts/pacts.`,
    );
  }
  const expected = readFileSync(committed, "utf8");
  if (expected !== regenerated) {
    throw new Error(
      `The consumer tests no longer produce the committed pact ${name} (${firstDifference(expected, regenerated)}). ` +
        "If the change is intended, run `UPDATE_PACTS=1 pnpm contracts`, review the diff of contracts/pacts and commit it.",
    );
  }
}
