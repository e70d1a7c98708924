import { UsageError } from "./cli-errors.ts";

/** `agentdeck run --input k=v` as httpie reads it: `k=v` is the string "v", `k:=v` the JSON value v. */
export function parseInput(pair: string): [string, unknown] {
  const equals = pair.indexOf("=");
  if (equals <= 0 || (equals === 1 && pair[0] === ":")) {
    throw new UsageError(
      `--input ${JSON.stringify(pair)} must be KEY=TEXT or KEY:=JSON, such as --input city=Lisbon or --input nights:=3.`,
    );
  }
  if (pair[equals - 1] === ":") {
    const key = pair.slice(0, equals - 1);
    const text = pair.slice(equals + 1);
    try {
      return [key, JSON.parse(text)];
    } catch {
      throw new UsageError(
        `--input ${JSON.stringify(`${key}:=…`)}: what follows := must be JSON, such as 3, true, "text", [1,2] or {"a":1}.`,
      );
    }
  }
  return [pair.slice(0, equals), pair.slice(equals + 1)];
}

/** `--metadata k=v`: metadata maps strings to strings. */
export function parseMetadata(pair: string): [string, string] {
  const equals = pair.indexOf("=");
  if (equals <= 0) {
    throw new UsageError(
      `--metadata ${JSON.stringify(pair)} must be KEY=VALUE, such as --metadata team=growth.`,
    );
  }
  return [pair.slice(0, equals), pair.slice(equals + 1)];
}

/** The JSON object of `--inputs-file`; what `--input` gives is laid over it. */
export function parseInputsFile(text: string, name: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`--inputs-file ${name} is not valid JSON: it must hold one JSON object of inputs.`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new UsageError(`--inputs-file ${name} must hold a JSON object, such as {"city": "Lisbon"}.`);
  }
  return json as Record<string, unknown>;
}

/** Repeatable flags collect their values in order (commander's argParser). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
