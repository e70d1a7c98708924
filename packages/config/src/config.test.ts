import { chmod, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ConfigError, configPath, loadConfig, parseConfig } from "./config.ts";

const dir = () => mkdtemp(join(tmpdir(), "agentdeck-config-"));

describe("the config file", () => {
  test("lives in the user's config directory unless AGENTDECK_CONFIG names another", () => {
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = "/home/u/.config";
    try {
      expect(configPath({})).toBe("/home/u/.config/agentdeck/config.json");
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
    expect(configPath({ AGENTDECK_CONFIG: "/etc/ad.json" })).toBe("/etc/ad.json");
  });

  test("is created empty with mode 0600 (in a new 0700 directory) when there is none", async () => {
    const path = join(await dir(), "nested", "config.json");
    const { config, warnings } = await loadConfig(path);
    expect(config).toEqual({ profiles: {} });
    expect(warnings).toEqual([]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(path, ".."))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ profiles: {}, defaultProfile: null });
  });

  test("warns, with the chmod to run, when other users can read it", async () => {
    const path = join(await dir(), "config.json");
    await writeFile(path, JSON.stringify({ profiles: { work: { apiKey: "k" } } }));
    await chmod(path, 0o644);
    const { config, warnings } = await loadConfig(path);
    expect(config.profiles.work?.apiKey).toBe("k");
    expect(warnings.join()).toContain(`chmod 600 ${path}`);
  });

  test("names the field that is wrong", () => {
    expect(() => parseConfig({ profiles: { work: { apiKey: 1 } } }, "c.json")).toThrow(
      /"apiKey" must be a string/,
    );
    expect(() => parseConfig({ profiles: { work: { apikey: "x" } } }, "c.json")).toThrow(
      /unknown field "apikey"/,
    );
    expect(() => parseConfig({ profiles: {}, defaultProfile: "home" }, "c.json")).toThrow(
      /"home", which is not/,
    );
    expect(() => parseConfig([], "c.json")).toThrow(ConfigError);
  });

  test("says so when it is not JSON", async () => {
    const path = join(await dir(), "config.json");
    await writeFile(path, "{ profiles: ", { mode: 0o600 });
    await expect(loadConfig(path)).rejects.toThrow(/is not valid JSON/);
  });
});
