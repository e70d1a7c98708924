/** Where each API lives on the sandbox's one port. */
export const AGENTS_PREFIX = "/agents/v2";
export const REGISTRY_PREFIX = "/api/v1";

/** Which API a request is for, by path: it decides the error envelope. Anything else answers like v2. */
export type Api = "v2" | "registry";

export function apiOf(url: string): Api {
  return url === REGISTRY_PREFIX ||
    url.startsWith(`${REGISTRY_PREFIX}/`) ||
    url.startsWith(`${REGISTRY_PREFIX}?`)
    ? "registry"
    : "v2";
}
