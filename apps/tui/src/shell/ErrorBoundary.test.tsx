import { Text } from "ink";
import { render } from "ink-testing-library";
import { describe, expect, test } from "vitest";
import { ErrorBoundary } from "./ErrorBoundary.tsx";

function Broken(): never {
  throw new Error("\u001b[2Jthe response had no items");
}

describe("ErrorBoundary", () => {
  test("a view that throws while drawing shows what broke instead of taking the UI down", () => {
    const app = render(
      <>
        <ErrorBoundary name="Pools" resetKey={true}>
          <Broken />
        </ErrorBoundary>
        <Text>the status bar still draws</Text>
      </>,
    );
    const frame = app.lastFrame() ?? "";
    expect(frame).toContain("The Pools view failed: the response had no items");
    expect(frame).not.toContain("\u001b[2J");
    expect(frame).toContain("the status bar still draws");
    app.unmount();
  });

  test("comes back to try again when its reset key changes (leaving the tab and returning)", () => {
    let broken = true;
    function Flaky() {
      if (broken) throw new Error("once");
      return <Text>working again</Text>;
    }
    const app = render(
      <ErrorBoundary name="Pools" resetKey={1}>
        <Flaky />
      </ErrorBoundary>,
    );
    expect(app.lastFrame()).toContain("The Pools view failed");
    broken = false;
    app.rerender(
      <ErrorBoundary name="Pools" resetKey={2}>
        <Flaky />
      </ErrorBoundary>,
    );
    expect(app.lastFrame()).toContain("working again");
    app.unmount();
  });
});
