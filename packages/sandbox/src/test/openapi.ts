import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";

/** The OpenAPI documents every sandbox response is checked against, once they exist. */
export const CONTRACT_FILES = ["agents-v2.yaml", "registry-v1.yaml"] as const;
const CONTRACTS_DIR = fileURLToPath(new URL("../../../../contracts/openapi/", import.meta.url));

interface OpenApiDocument {
  servers?: { url: string }[];
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
}

interface LoadedDocument {
  name: string;
  /** Path the document's routes sit under (`/agents/v2` for a server URL ending in it). */
  prefix: string;
  document: OpenApiDocument;
  ajv: Ajv2020;
  templates: { template: string; pattern: RegExp; params: number }[];
}

/** Where a response was checked, for the assertion message. */
export interface Checked {
  document: string;
  template: string;
  responseKey: string;
}

/**
 * Response bodies checked against OpenAPI 3.1 documents: the schema for (method, path template, status)
 * is compiled with Ajv 2020 (OpenAPI 3.1 schemas are JSON Schema 2020-12) inside its document, so
 * `$ref: '#/components/schemas/…'` resolves.
 */
export class OpenApiContracts {
  readonly #documents: LoadedDocument[];
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(documents: { name: string; document: OpenApiDocument }[]) {
    this.#documents = documents.map(({ name, document }) => load(name, document));
  }

  /** The documents found, by file name. */
  get names(): string[] {
    return this.#documents.map((d) => d.name);
  }

  /**
   * Throws when the response breaks its document: a status the operation does not list, another media
   * type, or a body that fails the schema. Returns undefined for a path or method no document describes.
   */
  check(
    method: string,
    path: string,
    status: number,
    contentType: string,
    body: unknown,
  ): Checked | undefined {
    const found = this.#operation(method, path);
    if (found === undefined) return undefined;
    const { loaded, template, operation, pointer } = found;
    const where = `${method.toUpperCase()} ${template} (${loaded.name})`;
    const responses = (operation.responses ?? {}) as Record<string, unknown>;
    const responseKey = [String(status), `${String(status)[0]}XX`, "default"].find((key) => key in responses);
    if (responseKey === undefined) {
      throw new Error(
        `${where} answered ${status}, which the document does not list (it lists ${Object.keys(responses).join(", ")})`,
      );
    }
    let responsePointer = `${pointer}/responses/${escapePointer(responseKey)}`;
    let response = responses[responseKey] as { $ref?: string; content?: Record<string, unknown> };
    if (response.$ref !== undefined) {
      responsePointer = response.$ref.replace(/^#/, "");
      response = resolve(loaded.document, response.$ref) as typeof response;
    }
    const media = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
    const content = response.content ?? {};
    if (Object.keys(content).length === 0) {
      if (body !== undefined && body !== "")
        throw new Error(`${where} ${status} should have no body, got ${JSON.stringify(body)}`);
      return { document: loaded.name, template, responseKey };
    }
    if (!(media in content)) {
      throw new Error(
        `${where} ${status} was served as "${media}", the document says ${Object.keys(content).join(" or ")}`,
      );
    }
    const schemaPointer = `${responsePointer}/content/${escapePointer(media)}/schema`;
    const validate = this.#validator(loaded, schemaPointer);
    if (!validate(body)) {
      const problems = (validate.errors ?? [])
        .map((e) => `${e.instancePath || "(body)"} ${e.message}`)
        .join("; ");
      throw new Error(
        `${where} ${status} body does not match the document: ${problems}\nbody: ${JSON.stringify(body).slice(0, 2000)}`,
      );
    }
    return { document: loaded.name, template, responseKey };
  }

  #operation(method: string, path: string) {
    for (const loaded of this.#documents) {
      if (path !== loaded.prefix && !path.startsWith(`${loaded.prefix}/`)) continue;
      const rest = path.slice(loaded.prefix.length) || "/";
      const match = loaded.templates.find((t) => t.pattern.test(rest));
      if (match === undefined) continue;
      const item = loaded.document.paths?.[match.template] ?? {};
      const operation = item[method.toLowerCase()] as { responses?: unknown } | undefined;
      if (operation === undefined) return undefined;
      const pointer = `/paths/${escapePointer(match.template)}/${method.toLowerCase()}`;
      return { loaded, template: match.template, operation, pointer };
    }
    return undefined;
  }

  #validator(loaded: LoadedDocument, pointer: string): ValidateFunction {
    const key = `${loaded.name}#${pointer}`;
    let validate = this.#compiled.get(key);
    if (validate === undefined) {
      validate = loaded.ajv.compile({ $ref: `${loaded.name}#${pointer}` });
      this.#compiled.set(key, validate);
    }
    return validate;
  }
}

/** The documents in contracts/openapi, or undefined while there are none yet. */
export function loadContracts(dir = CONTRACTS_DIR): OpenApiContracts | undefined {
  const documents = CONTRACT_FILES.filter((name) => existsSync(`${dir}${name}`)).map((name) => ({
    name,
    document: parseYaml(readFileSync(`${dir}${name}`, "utf8")) as OpenApiDocument,
  }));
  return documents.length === 0 ? undefined : new OpenApiContracts(documents);
}

function load(name: string, document: OpenApiDocument): LoadedDocument {
  // strict: false lets OpenAPI's own keywords (discriminator, x-…) pass as annotations.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ["int32", "int64", "float", "double"]) ajv.addFormat(format, true);
  ajv.addSchema(document as object, name);
  const server = document.servers?.[0]?.url ?? "";
  const prefix = new URL(server, "http://localhost").pathname.replace(/\/$/, "");
  const templates = Object.keys(document.paths ?? {})
    .map((template) => ({
      template,
      pattern: new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`,
      ),
      params: (template.match(/\{/g) ?? []).length,
    }))
    .sort((a, b) => a.params - b.params);
  return { name, prefix, document, ajv, templates };
}

function resolve(document: OpenApiDocument, ref: string): unknown {
  let node: unknown = document;
  for (const part of ref.replace(/^#\//, "").split("/")) {
    node = (node as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}

/** JSON pointer escaping of one segment. */
function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
