import { expect } from "vitest";
import type { Sandbox } from "../sandbox.ts";
import { loadContracts, type OpenApiContracts } from "./openapi.ts";

/** Loaded once: every response the tests read is checked against these documents when they exist. */
export const contracts: OpenApiContracts | undefined = loadContracts();

export interface TestResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, otherwise the text. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON and assert on its shape.
  body: any;
  text: string;
}

export interface RequestOptions {
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (with `application/json` unless a content-type header is given). */
  rawBody?: string;
  /** Sent as multipart/form-data. */
  form?: FormData;
  query?: Record<string, string | number | boolean | (string | number)[]>;
  headers?: Record<string, string>;
  /** Leave the credentials out. */
  anonymous?: boolean;
}

/**
 * Drives a sandbox over HTTP with plain fetch, as a client would; every response is checked against
 * the OpenAPI documents in contracts/openapi (when they exist) before the test sees it.
 */
export function httpClient(sandbox: Pick<Sandbox, "url" | "apiKey" | "registryToken">) {
  const send = async (
    method: string,
    path: string,
    options: RequestOptions,
    auth: Record<string, string>,
  ) => {
    const url = new URL(path, sandbox.url);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(one));
    }
    const headers: Record<string, string> = { ...(options.anonymous ? {} : auth), ...options.headers };
    let body: string | FormData | undefined = options.form;
    if (options.json !== undefined || options.rawBody !== undefined) {
      body = options.rawBody ?? JSON.stringify(options.json);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    const contentType = response.headers.get("content-type") ?? "";
    const parsed = contentType.includes("json") && text !== "" ? JSON.parse(text) : text;
    contracts?.check(method, url.pathname, response.status, contentType, parsed);
    return { status: response.status, headers: response.headers, body: parsed, text } satisfies TestResponse;
  };
  return {
    /** A request to the v2 API; `path` is under `/agents/v2`. */
    v2: (method: string, path: string, options: RequestOptions = {}) =>
      send(method, `/agents/v2${path}`, options, { "x-asteroid-agents-api-key": sandbox.apiKey }),
    /** A request to the registry; `path` is under `/api/v1`. */
    registry: (method: string, path: string, options: RequestOptions = {}) =>
      send(method, `/api/v1${path}`, options, { authorization: `Bearer ${sandbox.registryToken}` }),
    /** A request to any path, with no credentials. */
    raw: (method: string, path: string, options: RequestOptions = {}) => send(method, path, options, {}),
  };
}

export type HttpClient = ReturnType<typeof httpClient>;

/** Asserts a v2 error body: `{code: status, message}` with a message that says something. */
export function expectV2Error(response: TestResponse, status: number, message?: RegExp): void {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({ code: status, message: expect.any(String) });
  if (message !== undefined) expect(response.body.message).toMatch(message);
}

/** Asserts a registry error body: `{status: "error", code, message}`. */
export function expectRegistryError(
  response: TestResponse,
  status: number,
  code: string,
  message?: RegExp,
): void {
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({ status: "error", code, message: expect.any(String) });
  if (message !== undefined) expect(response.body.message).toMatch(message);
}

/** The message core's model gives for `input` at `path`: what the sandbox must answer, word for word. */
export function modelMessage(
  schema: {
    safeParse(input: unknown): {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    };
  },
  input: unknown,
  path: string,
): string {
  const issue = schema.safeParse(input).error?.issues.find((i) => i.path.join(".") === path);
  if (issue === undefined) throw new Error(`the model accepts ${JSON.stringify(input)} at ${path}`);
  return issue.message;
}

/** `text` as a regular expression that matches it literally. */
export function literally(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}
