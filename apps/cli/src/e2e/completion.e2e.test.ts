import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { testSandbox } from "../test/sandbox-env.ts";
import { BIN, e2eUnavailable, shell } from "../test/shell.ts";

const unavailable = e2eUnavailable();
const hasShell = (name: string) => spawnSync(name, ["-c", "exit 0"]).status === 0;
const title = unavailable
  ? `agentdeck's completion and start, as a shell runs it (skipped: ${unavailable})`
  : "agentdeck's completion and start, as a shell runs it";

describe.skipIf(unavailable !== undefined)(title, () => {
  test("the bash completion script loads in bash and completes subcommands, nested ones and flags", async () => {
    const cases = [
      "agentdeck po",
      "agentdeck pools l",
      "agentdeck --profile work ex",
      "agentdeck registry agents re",
      "agentdeck run --w",
      "agentdeck completion ''",
      "agentdeck executions list --status running --a",
      "agentdeck batch re",
      "agentdeck batch run --m",
    ];
    const script = cases
      .map(
        (words) =>
          `COMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _agentdeck; echo "\${COMPREPLY[*]}"`,
      )
      .join("\n");
    const result = await shell(`source <(agentdeck completion bash)\n${script}`);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")).toEqual([
      "pools",
      "list",
      "executions",
      "retire reinstate",
      "--wait",
      "bash zsh fish",
      "--all --agent",
      "resume results",
      "--map --map-metadata",
      "",
    ]);
  });

  test.skipIf(!hasShell("zsh"))(
    "the zsh script loads in zsh and offers what the typed words lead to",
    async () => {
      // zsh filters by the typed prefix itself (bashcompinit's compgen does not), so these are whole lists.
      const cases = [
        "agentdeck pools l",
        "agentdeck --profile work registry agents re",
        "agentdeck completion ''",
      ];
      const script = cases
        .map(
          (words) =>
            `COMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _agentdeck; echo "\${COMPREPLY[*]}"`,
        )
        .join("\n");
      const result = await shell(`zsh -f <<'ZSH'\nsource <(agentdeck completion zsh)\n${script}\nZSH`);
      expect(result.stderr).toBe("");
      expect(result.stdout.split("\n")).toEqual([
        "list get create update",
        "list get show create update retire reinstate delete",
        "bash zsh fish",
        "",
      ]);
    },
  );

  test.skipIf(!hasShell("fish"))(
    "the fish script loads in fish and completes subcommands with their summaries",
    async () => {
      const result = await shell(
        `fish -c 'agentdeck completion fish | source; complete -C "agentdeck po"; complete -C "agentdeck --profile work executions wa"; complete -C "agentdeck run --w"'`,
      );
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(
        "pools\tagent profile pools: list, get, create, update\nwatch\twait for an execution to finish; exit by how it ended\n--wait\n",
      );
    },
  );

  test("pools list --json loads only the command's own code: never the TUI, Ink or React, nor tables, waits or batches", async () => {
    const { env } = await testSandbox();
    const loaded = async (command: string) => {
      const { stderr } = await shell(`NODE_DEBUG=esm ${command}`, env);
      return [...new Set(stderr.match(/file:\/\/[^\s'",]+/g) ?? [])];
    };
    const files = await loaded("agentdeck pools list --json");
    const dist = `file://${dirname(BIN)}/`;
    expect(files.length).toBeGreaterThan(3);
    expect(files.filter((file) => !file.startsWith(dist))).toEqual([]);
    expect(files.filter((file) => /\/(tui|table|watch)-\w+\.js$/.test(file))).toEqual([]);
    // The batch package is bundled into a chunk of its own: the one that opens node:sqlite.
    expect(files.filter((file) => readFileSync(fileURLToPath(file), "utf8").includes("node:sqlite"))).toEqual(
      [],
    );
    expect((await loaded("agentdeck pools list")).some((file) => /\/table-\w+\.js$/.test(file))).toBe(false);
    const tui = await loaded("agentdeck < /dev/null");
    expect(tui.some((file) => file.includes("/apps/tui/dist/"))).toBe(true);
  });

  test("agentdeck alone opens the TUI, which says it needs a terminal when there is none", async () => {
    const result = await shell(`agentdeck < /dev/null | cat; exit "\${PIPESTATUS[0]}"`, {});
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("agentdeck is an interactive terminal UI");
  });

  test("agentdeck with only the TUI's options (--journal, --profile) opens the TUI too", async () => {
    const result = await shell(
      `agentdeck --journal june.sqlite < /dev/null | cat; exit "\${PIPESTATUS[0]}"`,
      {},
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("agentdeck is an interactive terminal UI");
  });

  test("a mistyped command gets a suggestion and the usage exit code", async () => {
    const result = await shell("agentdeck exections list");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "agentdeck: unknown command 'exections' (Did you mean executions?). Run agentdeck --help for the usage.\n",
    );
  });
});
