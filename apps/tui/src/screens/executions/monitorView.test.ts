import { EXECUTION_STATUSES, type Execution, STATUS_MOVES } from "@agentdeck/core";
import { describe, expect, test } from "vitest";
import { steerRefusal } from "./monitorView.tsx";

const execution = (status: string) => ({ status }) as Execution;

describe("steering the execution", () => {
  test("pause, resume and cancel are offered exactly where core's status machine allows them", () => {
    for (const status of EXECUTION_STATUSES) {
      for (const move of ["paused", "running", "cancelled"] as const) {
        const allowed = (STATUS_MOVES[move] as readonly string[]).includes(status);
        expect(steerRefusal(execution(status), move) === undefined, `${move} from ${status}`).toBe(allowed);
      }
    }
  });

  test("a refusal says why and what the execution is", () => {
    expect(steerRefusal(execution("awaiting_confirmation"), "paused")).toBe(
      "only a running execution can be paused (it is awaiting_confirmation)",
    );
    expect(steerRefusal(execution("completed"), "cancelled")).toBe("the execution has ended (completed)");
    expect(steerRefusal(execution("paused"), "paused")).toBe("it is already paused");
  });
});
