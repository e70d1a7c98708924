/** What replaces a secret in messages, logs and error bodies. */
export const REDACTED = "[redacted]";

// Query parameters whose values are credentials whatever the secret is.
const SECRET_PARAM = /([?&](?:api[_-]?key|key|token|access_token|secret|password|auth)=)[^&#\s]*/gi;

/** Turns text that may hold a secret into text that does not. */
export type Redact = (text: string) => string;

/**
 * Every form a secret can take in text the client stores or shows: raw, as a URL component
 * (`encodeURIComponent`), as a query value (`URLSearchParams` also encodes `!'()~`), and inside a
 * JSON string (`"` and `\` escaped).
 */
function formsOf(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice("s=".length),
    JSON.stringify(secret).slice(1, -1),
  ];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A redactor for the given secrets: every occurrence of any form of one (see `formsOf`), whatever
 * its length and letter case, becomes `[redacted]`, as does the value of any query parameter named
 * like a credential.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): Redact {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined || secret === "") continue;
    for (const form of formsOf(secret)) needles.add(form);
  }
  // Longest first, so a key that contains another key is replaced whole; one pass, so a short key
  // never matches inside a `[redacted]` already written. Case-blind, as percent-encoding's hex is.
  const ordered = [...needles].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = ordered.length === 0 ? undefined : new RegExp(ordered.join("|"), "gi");
  return (text) => (pattern ? text.replace(pattern, REDACTED) : text).replace(SECRET_PARAM, `$1${REDACTED}`);
}

/** Applies `redact` to every string inside a JSON-like value, keys included, returning a copy. */
export function redactDeep(value: unknown, redact: Redact): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redact(key), redactDeep(item, redact)]),
    );
  }
  return value;
}
