import { describe, expect, test } from "vitest";
import { FOLLOWING, feedTop, scrollFeed } from "./feedScroll.ts";

describe("the feed's scroll", () => {
  test("follows new activity until scrolled up, and follows again at the bottom", () => {
    const held = scrollFeed(FOLLOWING, -2, 50, 10);
    expect(held).toEqual({ follow: false, top: 38 });
    expect(feedTop(held, 60, 10)).toBe(38);
    expect(scrollFeed(held, 100, 60, 10)).toEqual(FOLLOWING);
  });
});
