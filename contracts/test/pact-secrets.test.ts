import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_API_KEY, DEFAULT_REGISTRY_TOKEN } from "@agentdeck/sandbox";
import { describe, expect, it } from "vitest";
import {
  API_KEY_PLACEHOLDER,
  CONSUMER_API_KEY,
  CONSUMER_REGISTRY_TOKEN,
  CONSUMER_WRONG_API_KEY,
  CONSUMER_WRONG_REGISTRY_TOKEN,
  REGISTRY_TOKEN_PLACEHOLDER,
} from "../src/credentials.ts";
import { PACTS_DIR } from "../src/paths.ts";

/** Every credential a test sends: the consumer tests' own, and the sandbox's that verification injects. */
const secrets = {
  CONSUMER_API_KEY,
  CONSUMER_WRONG_API_KEY,
  CONSUMER_REGISTRY_TOKEN,
  CONSUMER_WRONG_REGISTRY_TOKEN,
  "the sandbox's API key": DEFAULT_API_KEY,
  "the sandbox's registry token": DEFAULT_REGISTRY_TOKEN,
};

const files = readdirSync(PACTS_DIR).map((name) => join(PACTS_DIR, name));

describe("the committed pacts", () => {
  it("are there to scan", () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)("hold no API key or token value: %s", (file) => {
    const text = readFileSync(file, "utf8");
    const leaked = Object.entries(secrets)
      .filter(([, value]) => text.includes(value))
      .map(([name]) => name);
    expect(leaked).toEqual([]);
  });

  it("carry the credentials as placeholders, so verification has something to replace", () => {
    const all = files.map((file) => readFileSync(file, "utf8")).join("\n");
    expect(all).toContain(API_KEY_PLACEHOLDER);
    expect(all).toContain(`Bearer ${REGISTRY_TOKEN_PLACEHOLDER}`);
  });
});
