import { afterAll, beforeAll } from "vitest";
import { type Sandbox, type SandboxOptions, startSandbox } from "../sandbox.ts";
import { type HttpClient, httpClient } from "./client.ts";

/**
 * A sandbox for the tests of one file: started on a free port before them, closed after. Executions
 * step every 5 ms unless the options say otherwise.
 */
export function useSandbox(options: SandboxOptions = {}): { sandbox: Sandbox; http: HttpClient } {
  const state = {} as { sandbox: Sandbox; http: HttpClient };
  beforeAll(async () => {
    state.sandbox = await startSandbox({ stepMs: 5, ...options });
    state.http = httpClient(state.sandbox);
  });
  afterAll(async () => {
    await state.sandbox?.close();
  });
  return state;
}
