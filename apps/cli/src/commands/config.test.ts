import { readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { agentdeck } from "../test/run.ts";
import { freshConfigPath, testSandbox } from "../test/sandbox-env.ts";

const KEY = "ck-profile-secret-7f3a9c2e";
const TOKEN = "rt-profile-secret-1b4d8e6f";

describe("config", () => {
  test("set reads a key from stdin, writes the file 0600, and list shows it only as redacted", async () => {
    const file = freshConfigPath();
    const env = { AGENTDECK_CONFIG: file };
    const set = await agentdeck(["config", "set", "apiKey", "--profile", "work"], { env, stdin: `${KEY}\n` });
    expect(set).toEqual({ code: 0, out: "work\n", err: "" });
    await agentdeck(["config", "set", "registryToken", "-", "--profile", "work"], { env, stdin: TOKEN });
    await agentdeck(["config", "set", "baseUrl", "https://work.example/agents/v2", "--profile", "work"], {
      env,
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      profiles: { work: { apiKey: KEY, registryToken: TOKEN, baseUrl: "https://work.example/agents/v2" } },
      defaultProfile: "work",
    });
    for (const flags of [[], ["--json"], ["--quiet"]]) {
      const { out, err } = await agentdeck(["config", "list", ...flags], { env, tty: flags.length === 0 });
      expect(out + err).not.toContain(KEY);
      expect(out + err).not.toContain(TOKEN);
    }
    const json = JSON.parse((await agentdeck(["config", "list", "--json"], { env })).out);
    expect(json).toEqual({
      path: file,
      defaultProfile: "work",
      profiles: {
        work: {
          apiKey: "[redacted]",
          registryToken: "[redacted]",
          baseUrl: "https://work.example/agents/v2",
        },
      },
    });
    const table = (await agentdeck(["config", "list", "--no-color"], { env, tty: true, columns: 150 })).out;
    expect(table).toMatch(
      /^NAME +API KEY +BASE URL +ORGANIZATION ID +REGISTRY TOKEN +REGISTRY URL\nwork \* +\[redacted\] +https:\/\/work\.example\/agents\/v2 +- +\[redacted\] +-\n$/,
    );
  });

  test("use makes a profile the default; an unknown one is a usage error naming the known ones", async () => {
    const env = { AGENTDECK_CONFIG: freshConfigPath() };
    await agentdeck(["config", "set", "apiKey", KEY, "--profile", "work"], { env });
    await agentdeck(["config", "set", "apiKey", KEY, "--profile", "home"], { env });
    expect((await agentdeck(["config", "use", "home"], { env })).code).toBe(0);
    expect((await agentdeck(["config", "list", "--json"], { env })).out).toContain(
      '"defaultProfile": "home"',
    );
    expect(await agentdeck(["config", "use", "play"], { env })).toEqual({
      code: 2,
      out: "",
      err: 'agentdeck: there is no profile named "play". Known profiles: work, home.\n',
    });
  });

  test("set checks the field and the value before writing, and an empty value removes the field", async () => {
    const env = { AGENTDECK_CONFIG: freshConfigPath() };
    expect((await agentdeck(["config", "set", "apikey", "x"], { env })).err).toBe(
      'agentdeck: "apikey" is not a field of a profile; the fields are apiKey, baseUrl, organizationId, registryToken, registryUrl.\n',
    );
    expect((await agentdeck(["config", "set", "baseUrl", "ftp://x"], { env })).err).toContain(
      "must be an http or https URL",
    );
    expect((await agentdeck(["config", "set", "organizationId", "acme"], { env })).err).toContain(
      "must be a UUID",
    );
    expect((await agentdeck(["config", "set", "apiKey", "has space"], { env })).code).toBe(2);
    await agentdeck(["config", "set", "organizationId", "3c90c3cc-0d44-4b50-8888-8dd25736052a"], { env });
    expect(JSON.parse(readFileSync(env.AGENTDECK_CONFIG, "utf8")).profiles.default).toEqual({
      organizationId: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    });
    await agentdeck(["config", "set", "organizationId", ""], { env });
    expect(JSON.parse(readFileSync(env.AGENTDECK_CONFIG, "utf8")).profiles.default).toEqual({});
  });

  test("path prints where the file is", async () => {
    const file = freshConfigPath();
    expect((await agentdeck(["config", "path"], { env: { AGENTDECK_CONFIG: file } })).out).toBe(`${file}\n`);
  });

  test("the environment wins over --profile, which wins over the default profile", async () => {
    const { sandbox } = await testSandbox();
    const file = freshConfigPath();
    const good = { apiKey: sandbox.apiKey, baseUrl: sandbox.agentsUrl };
    const bad = { apiKey: "wrong-key-of-a-profile", baseUrl: sandbox.agentsUrl };
    writeFileSync(file, JSON.stringify({ profiles: { good, bad }, defaultProfile: "bad" }), { mode: 0o600 });
    const env = { AGENTDECK_CONFIG: file };
    expect((await agentdeck(["context", "-q"], { env })).code).toBe(3);
    expect((await agentdeck(["context", "-q", "--profile", "good"], { env })).code).toBe(0);
    const overridden = await agentdeck(["context", "-q", "--profile", "good"], {
      env: { ...env, ASTEROID_API_KEY: "wrong-key-of-the-environment" },
    });
    expect(overridden.code).toBe(3);
    expect(
      (await agentdeck(["context", "-q"], { env: { ...env, ASTEROID_API_KEY: sandbox.apiKey } })).code,
    ).toBe(0);
    expect(await agentdeck(["context", "--profile", "nope"], { env })).toEqual({
      code: 2,
      out: "",
      err: 'agentdeck: There is no profile named "nope". Known profiles: good, bad.\n',
    });
  });

  test("a config file that is a link to /etc/passwd is refused without quoting it", async () => {
    const file = freshConfigPath();
    symlinkSync("/etc/passwd", file);
    const result = await agentdeck(["pools", "list"], {
      env: { AGENTDECK_CONFIG: file, ASTEROID_API_KEY: "k".repeat(10) },
    });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^agentdeck: .* is a symbolic link, and agentdeck does not follow links/);
    expect(result.err).not.toContain("root");
  });

  test("a config file others could read is tightened, with a warning on stderr", async () => {
    const { sandbox } = await testSandbox();
    const file = freshConfigPath();
    writeFileSync(
      file,
      JSON.stringify({
        profiles: { p: { apiKey: sandbox.apiKey, baseUrl: sandbox.agentsUrl } },
        defaultProfile: "p",
      }),
      { mode: 0o644 },
    );
    const result = await agentdeck(["context", "-q"], { env: { AGENTDECK_CONFIG: file } });
    expect(result.code).toBe(0);
    expect(result.err).toBe(
      `agentdeck: warning: ${file} could be read by other users (mode 644) and may hold keys: agentdeck has now run chmod 600 ${file}\n`,
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
