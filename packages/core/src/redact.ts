/** What replaces a secret in messages, logs and error bodies. */
export const REDACTED = "[redacted]";

// Secrets shorter than this are not searched for: replacing every "ab" in a message would hide
// more than it protects, and real keys and tokens are far longer.
const MIN_SECRET_LENGTH = 6;

// Query parameters whose values are credentials whatever the secret is.
const SECRET_PARAM = /([?&](?:api[_-]?key|key|token|access_token|secret|password|auth)=)[^&#\s]*/gi;

/** Turns text that may hold a secret into text that does not. */
export type Redact = (text: string) => string;

/**
 * A redactor for the given secrets: every occurrence (raw, URL-encoded or after `Bearer `) becomes
 * `[redacted]`, as does the value of any query parameter named like a credential.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): Redact {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) continue;
    needles.add(secret);
    needles.add(encodeURIComponent(secret));
  }
  // Longest first, so a key that contains another key is replaced whole.
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const needle of ordered) out = out.replaceAll(needle, REDACTED);
    return out.replace(SECRET_PARAM, `$1${REDACTED}`);
  };
}

/** Applies `redact` to every string inside a JSON-like value, returning a copy. */
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
