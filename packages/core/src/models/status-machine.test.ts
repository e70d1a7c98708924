import { describe, expect, it } from "vitest";
import { EXECUTION_STATUSES, isTerminalStatus, SETTABLE_STATUSES } from "./execution.ts";
import {
  canRequestStatus,
  canTransition,
  EXECUTION_TRANSITIONS,
  STATUS_MOVES,
  statusRefusal,
} from "./status-machine.ts";

describe("the execution status machine", () => {
  it("has the documented transitions for every status", () => {
    expect(EXECUTION_TRANSITIONS).toEqual({
      starting: ["running", "failed", "cancelled", "completed"],
      running: ["paused", "paused_by_agent", "cancelled", "awaiting_confirmation", "completed", "failed"],
      paused: ["cancelled", "running"],
      paused_by_agent: ["cancelled", "running"],
      awaiting_confirmation: ["completed", "cancelled", "failed", "running"],
      completed: [],
      cancelled: [],
      failed: [],
    });
    expect(Object.keys(EXECUTION_TRANSITIONS).sort()).toEqual([...EXECUTION_STATUSES].sort());
  });

  it("lets nothing leave a final status", () => {
    for (const from of EXECUTION_STATUSES.filter(isTerminalStatus)) {
      for (const to of EXECUTION_STATUSES) expect(canTransition(from, to)).toBe(false);
    }
  });

  it("only offers callers moves the machine allows", () => {
    for (const to of SETTABLE_STATUSES) {
      for (const from of STATUS_MOVES[to]) expect(canTransition(from, to)).toBe(true);
    }
  });

  it("treats asking for the current status as allowed", () => {
    for (const status of SETTABLE_STATUSES) expect(canRequestStatus(status, status)).toBe(true);
  });

  it("explains a statusRefusal with both statuses and what is possible instead", () => {
    expect(statusRefusal("paused", "paused")).toMatch(/from paused to paused/);
    expect(statusRefusal("completed", "running")).toBe(
      "cannot change the execution's status from completed to running: completed is a final status",
    );
    expect(statusRefusal("awaiting_confirmation", "paused")).toMatch(
      /from awaiting_confirmation it can be set to running or cancelled/,
    );
  });
});
