import { EXECUTION_STATUSES } from "@agentdeck/core";
import { describe, expect, test } from "vitest";
import { ACTIVE, statusesOf } from "../pageSources.ts";
import { nextStatusFilter } from "./executions.ts";

describe("the status filter", () => {
  test("f goes through every status and back to all; F goes the other way", () => {
    const forward: (string | undefined)[] = [];
    let status: string | undefined;
    do {
      status = nextStatusFilter(status, 1);
      forward.push(status);
    } while (status !== undefined);
    expect(forward).toEqual([...EXECUTION_STATUSES, undefined]);
    expect(nextStatusFilter(undefined, -1)).toBe(EXECUTION_STATUSES.at(-1));
    expect(nextStatusFilter(EXECUTION_STATUSES[0], -1)).toBeUndefined();
  });

  test("active only stands for every status that has not ended, and f goes on from all", () => {
    expect(statusesOf(ACTIVE)).toEqual(
      expect.arrayContaining(["starting", "running", "paused", "awaiting_confirmation"]),
    );
    for (const ended of ["completed", "failed", "cancelled"]) expect(statusesOf(ACTIVE)).not.toContain(ended);
    expect(nextStatusFilter(ACTIVE, 1)).toBe(EXECUTION_STATUSES[0]);
  });
});
