import type { CallOptions } from "../call-options.ts";
import { UserContext } from "../models/context.ts";
import { send, type Transport } from "../request.ts";

/** `client.context`: who the API key belongs to. */
export function contextResource(transport: Transport) {
  return {
    /** The caller's user and organizations. */
    async get(options?: CallOptions): Promise<UserContext> {
      return send(
        transport,
        { api: "v2", method: "GET", path: "context", retry: "safe", response: UserContext },
        options,
      );
    },
  };
}

/** `client.context`. */
export type ContextResource = ReturnType<typeof contextResource>;
