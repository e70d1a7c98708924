import { describe, expect, test } from "vitest";
import { nextPollDelay, POLL_MAX_MS, POLL_MIN_MS } from "./poll.ts";

describe("polling", () => {
  test("backs off from 500 ms to 4 s while nothing changes, and is fast again after a change", () => {
    let delay = POLL_MIN_MS;
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      delay = nextPollDelay(delay, false);
      seen.push(delay);
    }
    expect(seen).toEqual([1000, 2000, 4000, POLL_MAX_MS, POLL_MAX_MS]);
    expect(nextPollDelay(delay, true)).toBe(POLL_MIN_MS);
  });
});
