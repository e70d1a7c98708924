import {
  AuthenticationError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  RequestValidationError,
} from "@agentdeck/core";
import { describe, expect, test } from "vitest";
import { describeActivity } from "./activity.ts";
import { CONNECTING, connectionFailed, connectionOk } from "./connection.ts";
import { nextStatusFilter } from "./ExecutionsScreen.tsx";
import { errorMessage } from "./errorMessage.ts";
import { steerBlocked } from "./executionActions.ts";
import { FOLLOWING, feedTop, scrollFeed } from "./feedScroll.ts";
import { formatDuration } from "./format.ts";
import { packHelp } from "./HelpOverlay.tsx";
import { nextPollDelay, POLL_MAX_MS, POLL_MIN_MS } from "./poll.ts";
import { cycleTab } from "./TabBar.tsx";
import { columnWidths, fitCell, fittingColumns } from "./Table.tsx";
import { colourDisabled, themeFor } from "./theme.ts";
import { detailWidth, windowTop } from "./viewport.ts";

const request = {
  api: "v2" as const,
  method: "GET",
  url: "http://127.0.0.1:1/agents/v2/agent-profile-pools",
};

describe("error messages", () => {
  test("a refused key says how to set one", () => {
    const text = errorMessage(
      new AuthenticationError({ ...request, status: 401, message: "Unauthorized" }),
    ).text;
    expect(text).toContain("set ASTEROID_API_KEY".replace("set", "Set"));
    const registry = new AuthenticationError({
      api: "registry",
      method: "GET",
      url: "http://x/api/v1/agent",
      status: 401,
      message: "no",
    });
    expect(errorMessage(registry).text).toContain("AGENT_REGISTRY_TOKEN");
  });

  test("every failure says what to do next", () => {
    const cases = [
      [new InternalServerError({ ...request, status: 503, message: "down" }), "try again"],
      [new ConnectionError({ ...request, message: "refused", code: "ECONNREFUSED" }), "ASTEROID_BASE_URL"],
      [new RateLimitError({ ...request, status: 429, message: "slow", retryAfterMs: 2000 }), "Wait 2s"],
      [new NotFoundError({ ...request, status: 404, message: "gone" }), "press R"],
    ] as const;
    for (const [error, advice] of cases) expect(errorMessage(error, "load the pools").text).toContain(advice);
    expect(errorMessage(cases[0][0], "load the pools").text).toMatch(/^Could not load the pools: /);
  });

  test("field problems come back by field", () => {
    const error = new RequestValidationError("pool", [
      { path: "name", message: "must be 1 to 255 characters" },
    ]);
    expect(errorMessage(error).fields).toEqual({ name: "must be 1 to 255 characters" });
  });

  test("server text in a message is made inert", () => {
    const error = new InternalServerError({
      ...request,
      status: 500,
      message: "\u001b[2Jboom\u001b]0;x\u0007",
    });
    expect(errorMessage(error).text).not.toContain("\u001b");
  });
});

describe("small pieces", () => {
  test("polling backs off from 500 ms to 4 s while nothing changes, and is fast again after a change", () => {
    let delay = POLL_MIN_MS;
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      delay = nextPollDelay(delay, false);
      seen.push(delay);
    }
    expect(seen).toEqual([1000, 2000, 4000, POLL_MAX_MS, POLL_MAX_MS]);
    expect(nextPollDelay(delay, true)).toBe(POLL_MIN_MS);
  });

  test("the list window scrolls only when the cursor reaches an edge", () => {
    expect(windowTop(0, 5, 10, 100)).toBe(0);
    expect(windowTop(0, 10, 10, 100)).toBe(1);
    expect(windowTop(20, 15, 10, 100)).toBe(15);
    expect(windowTop(95, 99, 10, 100)).toBe(90);
    expect(windowTop(3, 2, 10, 5)).toBe(0);
  });

  test("a narrow table leaves out optional columns, rightmost first, so names keep room", () => {
    const columns = [
      { title: "Name", cell: () => "" },
      { title: "Strategy", width: 20, cell: () => "" },
      { title: "Concurrent", width: 10, cell: () => "", optional: true },
      { title: "Updated", width: 16, cell: () => "", optional: true },
    ];
    expect(fittingColumns(columns, 120).map((c) => c.title)).toEqual([
      "Name",
      "Strategy",
      "Concurrent",
      "Updated",
    ]);
    expect(fittingColumns(columns, 60).map((c) => c.title)).toEqual(["Name", "Strategy", "Concurrent"]);
    expect(fittingColumns(columns, 30).map((c) => c.title)).toEqual(["Name", "Strategy"]);
  });

  test("table cells fill exactly their width: the free column takes what the others leave", () => {
    const columns = [
      { title: "Name", cell: () => "" },
      { title: "Strategy", width: 20, cell: () => "" },
      { title: "Updated", width: 16, cell: () => "" },
    ];
    // marker + (name + 1) + (20 + 1) + (16 + 1) = 80
    expect(columnWidths(columns, 80)).toEqual([40, 20, 16]);
    expect(fitCell("abc", 6)).toBe("abc   ");
    expect(fitCell("42", 6, "right")).toBe("    42");
    expect(fitCell("Marketplace sellers", 8)).toBe("Marketp…");
    // Wide characters count two cells each, whether cut or padded.
    expect(fitCell("日本語", 7)).toBe("日本語 ");
    expect(fitCell("日本語の名前", 7)).toBe("日本語…");
  });

  test("the detail pane gives way on narrow terminals", () => {
    expect(detailWidth(120)).toBeGreaterThan(0);
    expect(detailWidth(70)).toBe(0);
  });

  test("the feed follows new activity until scrolled up, and follows again at the bottom", () => {
    const held = scrollFeed(FOLLOWING, -2, 50, 10);
    expect(held).toEqual({ follow: false, top: 38 });
    expect(feedTop(held, 60, 10)).toBe(38);
    expect(scrollFeed(held, 100, 60, 10)).toEqual(FOLLOWING);
  });

  test("pause, resume and cancel follow the status machine", () => {
    expect(steerBlocked("pause", "running")).toBeUndefined();
    expect(steerBlocked("pause", "paused")).toContain("only a running");
    expect(steerBlocked("resume", "paused_by_agent")).toBeUndefined();
    expect(steerBlocked("cancel", "completed")).toContain("has ended");
  });

  test("f goes through every status and back to all", () => {
    const seen: (string | undefined)[] = [];
    let status: string | undefined;
    do {
      status = nextStatusFilter(status);
      seen.push(status);
    } while (status !== undefined);
    expect(seen).toHaveLength(9);
  });

  test("tabs cycle both ways", () => {
    expect(cycleTab("registry", 1)).toBe("pools");
    expect(cycleTab("pools", -1)).toBe("registry");
  });

  test("NO_COLOR (set and not empty) turns every colour off", () => {
    expect(colourDisabled({ NO_COLOR: "1" })).toBe(true);
    expect(colourDisabled({ NO_COLOR: "" })).toBe(false);
    expect(Object.values(themeFor({ colour: false })).every((c) => c === undefined)).toBe(true);
  });

  test("the connection is offline without an answer, unauthorized on a 401, connected on any answer", () => {
    const ok = connectionOk(CONNECTING, new Date(0));
    expect(connectionFailed(ok, new ConnectionError({ ...request, message: "x" })).state).toBe("offline");
    expect(
      connectionFailed(ok, new AuthenticationError({ ...request, status: 401, message: "x" })).state,
    ).toBe("unauthorized");
    expect(connectionFailed(ok, new NotFoundError({ ...request, status: 404, message: "x" })).state).toBe(
      "connected",
    );
    expect(connectionFailed(ok, new Error("x")).lastOk).toEqual(new Date(0));
  });

  test("activities read as one line each, unknown kinds by their type", () => {
    expect(describeActivity({ activityType: "step_started", stepNumber: 2 })).toEqual({
      label: "step",
      text: "step 2 started",
    });
    expect(
      describeActivity({ activityType: "user_message_received", message: "hi", userUUID: "u" }).text,
    ).toBe("hi");
    expect(describeActivity({ activityType: "brand_new_kind" }).label).toBe("brand_new_kind");
  });

  test("durations read as people say them", () => {
    expect(formatDuration(850)).toBe("850ms");
    expect(formatDuration(65_000)).toBe("1m 05s");
  });

  test("the help packs whole groups into columns when they fit", () => {
    expect(packHelp(30, 2)).toHaveLength(2);
    expect(packHelp(10, 2)).toBeUndefined();
  });
});
