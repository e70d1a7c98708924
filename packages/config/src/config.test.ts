import { execFileSync } from "node:child_process";
import { chmod, mkdtemp, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ConfigError, configPath, loadConfig, parseConfig, saveConfig, updateConfig } from "./config.ts";

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

  test("is tightened to 0600 with a warning when other users could read it", async () => {
    const path = join(await dir(), "config.json");
    await writeFile(path, JSON.stringify({ profiles: { work: { apiKey: "k" } } }));
    await chmod(path, 0o644);
    const { config, warnings } = await loadConfig(path);
    expect(config.profiles.work?.apiKey).toBe("k");
    expect(warnings.join()).toContain(
      `(mode 644) and may hold keys: agentdeck has now run chmod 600 ${path}`,
    );
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  test("warns when other users can write to its directory, even when the file itself is 0600", async () => {
    const parent = await dir();
    await chmod(parent, 0o777);
    const path = join(parent, "config.json");
    await writeFile(path, JSON.stringify({ profiles: {} }), { mode: 0o600 });
    const { warnings } = await loadConfig(path);
    expect(warnings).toEqual([
      `${parent} can be written by other users (mode 777), so they could replace the config file: run chmod 700 ${parent}`,
    ]);
    await chmod(parent, 0o1777);
    expect((await loadConfig(path)).warnings).toEqual([]);
  });

  test("is never read through a symbolic link, and the error quotes nothing of the target", async () => {
    const parent = await dir();
    const target = join(parent, "passwd");
    await writeFile(target, "root:x:0:0:secret-first-bytes:/root:/bin/bash\n", { mode: 0o600 });
    const path = join(parent, "config.json");
    await symlink(target, path);
    const error = await loadConfig(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("is a symbolic link");
    expect((error as Error).message).not.toMatch(/root|secret|bash/);
    // A link to /etc/passwd itself, as in the report.
    const passwd = join(parent, "etc-passwd.json");
    await symlink("/etc/passwd", passwd);
    await expect(loadConfig(passwd)).rejects.toThrow(/symbolic link/);
    await expect(loadConfig(passwd)).rejects.not.toThrow(/root/);
  });

  test("says a file that is not JSON is not JSON, with the place but none of the text", async () => {
    const path = join(await dir(), "config.json");
    await writeFile(path, "root:x:0:0:secret-first-bytes\n", { mode: 0o600 });
    const error = (await loadConfig(path).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`${path} is not valid JSON: fix it, or delete it to start with an empty one.`);
    await writeFile(path, '{ "profiles": { work: 1 } }', { mode: 0o600 });
    await expect(loadConfig(path)).rejects.toThrow(`${path} is not valid JSON (line 1, column 17)`);
  });

  test("refuses what is not a regular file (a FIFO does not block it, a directory is named)", async () => {
    const parent = await dir();
    const fifo = join(parent, "fifo.json");
    execFileSync("mkfifo", [fifo]);
    await expect(loadConfig(fifo)).rejects.toThrow(`${fifo} is not a regular file`);
    await expect(loadConfig(parent)).rejects.toThrow(`${parent} is not a regular file`);
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

describe("writing the config file", () => {
  const work = { profiles: { work: { apiKey: "k", baseUrl: "https://w.example" } }, defaultProfile: "work" };

  test("writes mode 0600 through a file beside it renamed into place, leaving nothing else behind", async () => {
    const parent = await dir();
    const path = join(parent, "config.json");
    await writeFile(path, "{}", { mode: 0o644 });
    const saved = process.umask(0);
    try {
      await saveConfig(path, work);
    } finally {
      process.umask(saved);
    }
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(parent)).toEqual(["config.json"]);
    expect((await loadConfig(path)).config).toEqual(work);
  });

  test("creates the directory 0700 when there is none", async () => {
    const path = join(await dir(), "new", "config.json");
    await saveConfig(path, work);
    expect((await stat(join(path, ".."))).mode & 0o777).toBe(0o700);
  });

  test("refuses to write through a symbolic link and leaves its target untouched", async () => {
    const parent = await dir();
    const target = join(parent, "elsewhere.json");
    await writeFile(target, "keep me");
    const path = join(parent, "config.json");
    await symlink(target, path);
    await expect(saveConfig(path, work)).rejects.toThrow(/is a symbolic link/);
    expect(await readFile(target, "utf8")).toBe("keep me");
    expect(await readdir(parent)).toEqual(["config.json", "elsewhere.json"]);
  });

  test("checks what it writes as loading would, so it never writes a file that cannot load", async () => {
    const path = join(await dir(), "config.json");
    await expect(saveConfig(path, { profiles: {}, defaultProfile: "nope" })).rejects.toThrow(
      /"nope", which is not among the profiles/,
    );
  });

  test("updateConfig applies a change to what is there", async () => {
    const path = join(await dir(), "config.json");
    await saveConfig(path, work);
    const next = await updateConfig(path, (config) => ({
      ...config,
      profiles: { ...config.profiles, home: { apiKey: "h" } },
      defaultProfile: "home",
    }));
    expect(next.defaultProfile).toBe("home");
    expect((await loadConfig(path)).config).toEqual(next);
  });
});
