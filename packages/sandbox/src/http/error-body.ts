import type { SandboxError } from "../sandbox-error.ts";
import type { Api } from "./api.ts";

/** The documented error body: `{code, message}` for v2, `{status: "error", code, message[, errors]}` for the registry. */
export function errorBody(api: Api, error: SandboxError): Record<string, unknown> {
  if (api === "v2") return { code: error.status, message: error.message };
  return {
    status: "error",
    code: error.code,
    message: error.message,
    ...(error.errors === undefined ? {} : { errors: error.errors }),
  };
}
