import {
  type ConfigFile,
  loadConfig,
  PROFILE_FIELDS,
  type Profile,
  type ProfileField,
  SECRET_FIELDS,
  updateConfig,
} from "@agentdeck/config";
import { Uuid } from "@agentdeck/core";
import { UsageError } from "../cli-errors.ts";
import { command, group } from "../command-spec.ts";
import type { Column } from "../output/table.ts";
import type { View } from "../output/view.ts";
import type { Session } from "../session.ts";

/** What `config list` prints of a secret: whether it is set, never any of it. */
export const REDACTED = "[redacted]";

const ENVIRONMENT: Record<ProfileField, string> = {
  apiKey: "ASTEROID_API_KEY",
  baseUrl: "ASTEROID_BASE_URL",
  organizationId: "ASTEROID_ORGANIZATION_ID",
  registryToken: "AGENT_REGISTRY_TOKEN",
  registryUrl: "AGENT_REGISTRY_URL",
};

type Row = { readonly name: string; readonly isDefault: boolean; readonly profile: Profile };

function shown(row: Row, field: ProfileField): string | undefined {
  const value = row.profile[field];
  if (value === undefined) return undefined;
  return SECRET_FIELDS.includes(field) ? REDACTED : value;
}

const profileView: View<Row> = {
  noun: "profile",
  nouns: "profiles",
  id: (row) => row.name,
  columns: [
    { header: "NAME", cell: (row) => `${row.name}${row.isDefault ? " *" : ""}` },
    ...PROFILE_FIELDS.map(
      (field): Column<Row> => ({
        header: field.replace(/[A-Z]/g, (c) => ` ${c}`).toUpperCase(),
        cell: (row) => shown(row, field) ?? "-",
        flex: !SECRET_FIELDS.includes(field),
      }),
    ),
  ],
  fields: (row) => [
    ["name", row.name],
    ...PROFILE_FIELDS.map((field) => [field, shown(row, field)] as const),
  ],
};

function redacted(config: ConfigFile) {
  return Object.fromEntries(
    Object.entries(config.profiles).map(([name, profile]) => [
      name,
      Object.fromEntries(
        Object.entries(profile).map(([field, value]) => [
          field,
          SECRET_FIELDS.includes(field as ProfileField) ? REDACTED : value,
        ]),
      ),
    ]),
  );
}

const path = command({
  usage: "path",
  summary: "print where the config file is",
  examples: ["agentdeck config path", 'chmod 600 "$(agentdeck config path)"'],
  async run(session) {
    const file = await session.configPath();
    await session.out.done(file, { path: file }, file);
  },
});

const list = command({
  usage: "list",
  summary: "list the profiles (keys and tokens redacted); * marks the default",
  examples: ["agentdeck config list", "agentdeck config list --quiet   # profile names"],
  async run(session) {
    const file = await session.configPath();
    const { config, warnings } = await loadConfig(file);
    for (const warning of warnings) await session.out.warn(warning);
    const rows = Object.entries(config.profiles).map(([name, profile]) => ({
      name,
      isDefault: name === config.defaultProfile,
      profile,
    }));
    await session.out.list(rows, profileView, {
      path: file,
      defaultProfile: config.defaultProfile ?? null,
      profiles: redacted(config),
    });
    const overriding = PROFILE_FIELDS.filter((field) => session.io.env[ENVIRONMENT[field]]);
    if (overriding.length > 0) {
      await session.out.hint(
        `set in the environment, winning over every profile: ${overriding.map((f) => ENVIRONMENT[f]).join(", ")}`,
      );
    }
  },
});

const use = command({
  usage: "use <profile>",
  summary: "make a profile the default",
  examples: ["agentdeck config use work"],
  async run(session, [name]) {
    const file = await session.configPath();
    await updateConfig(file, (config) => {
      if (!((name as string) in config.profiles)) {
        const known = Object.keys(config.profiles);
        throw new UsageError(
          `there is no profile named ${JSON.stringify(name)}. ${known.length > 0 ? `Known profiles: ${known.join(", ")}.` : "Create one with agentdeck config set apiKey --profile NAME."}`,
        );
      }
      return { ...config, defaultProfile: name as string };
    });
    await session.out.done(`Profile ${name} is now the default.`, { defaultProfile: name }, name as string);
  },
});

/** Checks a value before it is saved, naming the field and what it must be. */
function checkValue(field: ProfileField, value: string): void {
  if (value === "") return;
  if (SECRET_FIELDS.includes(field) && !/^[\x21-\x7e]+$/.test(value)) {
    throw new UsageError(`${field} must be visible ASCII characters, with no spaces or line breaks.`);
  }
  if (field === "baseUrl" || field === "registryUrl") {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {}
    if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) {
      throw new UsageError(
        `${field} must be an http or https URL, such as https://odyssey.asteroid.ai/agents/v2.`,
      );
    }
  }
  if (field === "organizationId" && !Uuid.safeParse(value).success) {
    throw new UsageError("organizationId must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a.");
  }
}

async function valueToSet(session: Session, field: ProfileField, given: string | undefined): Promise<string> {
  if (given !== undefined && given !== "-") return given;
  if (!SECRET_FIELDS.includes(field) && given === undefined) {
    throw new UsageError(`give the value: agentdeck config set ${field} VALUE.`);
  }
  // A secret is never an argument by default: it would stay in the shell's history.
  const { stdin } = session.io;
  const text = stdin.isTTY
    ? await stdin.readLine(`${field} (not shown): `, { hidden: true })
    : await stdin.readAll();
  return text.trim();
}

const set = command({
  usage: "set <field> [value]",
  summary: "set a field of a profile (--profile, else the default); keys are read from stdin",
  description: `Set a field of a profile: the one --profile names (created when new), else the default profile (a profile named "default" is created when there is none). An empty value removes the field.

apiKey and registryToken are read from stdin, or typed without echo at a terminal, unless given as the value, so they stay out of the shell's history. The file is written atomically with mode 0600.`,
  examples: [
    "agentdeck config set apiKey --profile work            # type the key; it is not shown",
    "printenv WORK_KEY | agentdeck config set apiKey --profile work",
    "agentdeck config set baseUrl https://odyssey.asteroid.ai/agents/v2 --profile work",
    'agentdeck config set organizationId "" --profile work   # remove the field',
  ],
  async run(session, [field, given]) {
    if (!(PROFILE_FIELDS as readonly string[]).includes(field as string)) {
      throw new UsageError(
        `${JSON.stringify(field)} is not a field of a profile; the fields are ${PROFILE_FIELDS.join(", ")}.`,
      );
    }
    const name = field as ProfileField;
    const value = await valueToSet(session, name, given);
    checkValue(name, value);
    const file = await session.configPath();
    let profile = session.options.profile;
    await updateConfig(file, (config) => {
      profile ??= config.defaultProfile ?? "default";
      const { [name]: _old, ...rest } = config.profiles[profile] ?? {};
      const next: Profile = value === "" ? rest : { ...rest, [name]: value };
      return {
        profiles: { ...config.profiles, [profile]: next },
        defaultProfile: config.defaultProfile ?? profile,
      };
    });
    const what =
      value === ""
        ? `Removed ${name} from`
        : `Set ${name}${SECRET_FIELDS.includes(name) ? "" : ` to ${value}`} in`;
    await session.out.done(
      `${what} profile ${profile} (${file}).`,
      { profile, field: name, set: value !== "" },
      profile as string,
    );
  },
});

/** `agentdeck config …` */
export const config = group("config", "the config file and its named profiles (shared with the TUI)", [
  list,
  use,
  set,
  path,
]);
