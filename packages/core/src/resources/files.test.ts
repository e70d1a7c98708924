import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  AgentdeckError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  TimeoutError,
} from "../errors.ts";
import { TEST_API_KEY, testClient, V2 } from "../test/client.ts";
import { EXECUTION_ID, ORG_ID, uuidAt } from "../test/fixtures.ts";
import { TestServer } from "../test/server.ts";
import { useTestServer } from "../test/use-server.ts";

const server = useTestServer();

/** An execution file shaped as the vendor SDKs' `AgentsFilesFile`. */
function executionFile(signedUrl: string) {
  return {
    id: uuidAt(60),
    executionId: EXECUTION_ID,
    agentId: uuidAt(61),
    filePath: "outputs/report.csv",
    fileName: "report.csv",
    fileExt: "csv",
    fileSize: 11,
    fileType: "document",
    mimeType: "text/csv",
    createdAt: "2025-01-02T03:04:05Z",
    signedUrl,
  };
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("files.stage", () => {
  it("POSTs temp-files/{organizationId} as multipart, one `files` part per file, and returns the tempFiles", async () => {
    const tempFiles = [
      { id: uuidAt(1), name: "invoice.pdf" },
      { id: uuidAt(2), name: "notes.txt" },
      { id: uuidAt(3), name: "file-3" },
    ];
    server.route(`POST ${V2}/temp-files/:org`, { json: { tempFiles } });
    const result = await testClient(server).files.stage(
      [
        new File(["%PDF-1.7"], "invoice.pdf", { type: "application/pdf" }),
        { name: "notes.txt", data: "remember the milk", type: "text/plain" },
        new Blob(["bare"]),
      ],
      { organizationId: ORG_ID },
    );
    expect(result).toEqual({ tempFiles });
    const [request] = server.requests;
    expect(request?.path).toBe(`${V2}/temp-files/${ORG_ID}`);
    expect(request?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.headers["x-asteroid-agents-api-key"]).toBe(TEST_API_KEY);
    const form = await new Response(request?.body, {
      headers: { "content-type": String(request?.headers["content-type"]) },
    }).formData();
    const parts = form.getAll("files") as File[];
    expect(parts.map((p) => p.name)).toEqual(["invoice.pdf", "notes.txt", "file-3"]);
    expect(parts.map((p) => p.type)).toEqual(["application/pdf", "text/plain", "application/octet-stream"]);
    expect(await parts[1]?.text()).toBe("remember the milk");
  });

  it("is not retried after a 500 or a dropped connection: the files may have been staged", async () => {
    server.route(`POST ${V2}/temp-files/:org`, { status: 500, json: { code: 500, message: "boom" } });
    await expect(
      testClient(server).files.stage([new Blob(["a"])], { organizationId: ORG_ID }),
    ).rejects.toBeInstanceOf(InternalServerError);
    server.route(`POST ${V2}/temp-files/:org`, { drop: true });
    await expect(
      testClient(server).files.stage([new Blob(["a"])], { organizationId: ORG_ID }),
    ).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(2);
  });

  it("reads the plain-text error the vendor documents for a non-member organization", async () => {
    server.route(`POST ${V2}/temp-files/:org`, {
      status: 403,
      text: "User is not a member of the organization.",
    });
    const error = await testClient(server)
      .files.stage([new Blob(["a"])], { organizationId: ORG_ID })
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain("User is not a member of the organization.");
  });
});

describe("executions.files", () => {
  it("GETs executions/{id}/context-files and parses vendor-shaped files", async () => {
    const files = [executionFile("https://files.example/report.csv?sig=abc")];
    server.route(`GET ${V2}/executions/:id/context-files`, { json: files });
    await expect(testClient(server).executions.files(EXECUTION_ID)).resolves.toEqual(files);
    expect(server.requests[0]?.path).toBe(`${V2}/executions/${EXECUTION_ID}/context-files`);
  });

  it("maps the plain-text 404 to NotFoundError", async () => {
    server.route(`GET ${V2}/executions/:id/context-files`, {
      status: 404,
      text: "Execution files not found.",
    });
    const error = await testClient(server)
      .executions.files(EXECUTION_ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain("Execution files not found.");
  });
});

describe("executions.uploadFiles", () => {
  it("POSTs executions/{id}/context-files as multipart and accepts the text reply", async () => {
    server.route(`POST ${V2}/executions/:id/context-files`, { text: "Files uploaded." });
    await expect(
      testClient(server).executions.uploadFiles(EXECUTION_ID, [
        { name: "a.csv", data: new Uint8Array([104, 105]) },
      ]),
    ).resolves.toBeUndefined();
    expect(server.requests[0]?.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(server.requests[0]?.body).toContain('name="files"; filename="a.csv"');
    expect(server.requests[0]?.body).toContain("hi");
  });

  it("is not retried after a 503: the files may have been added", async () => {
    server.route(`POST ${V2}/executions/:id/context-files`, { status: 503, text: "busy" });
    await expect(
      testClient(server).executions.uploadFiles(EXECUTION_ID, [new Blob(["a"])]),
    ).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
  });
});

describe("files.download", () => {
  let other = new TestServer();
  afterEach(async () => {
    await other.close().catch(() => {});
    other = new TestServer();
  });

  it("streams a file on the API's origin, sending the API key there", async () => {
    server.route("GET /files/:id", {
      text: "a,b\n1,2\n",
      headers: { "content-type": "text/csv", "content-length": "8" },
    });
    const file = executionFile(`${server.url}/files/report?sig=abc`);
    const download = await testClient(server).files.download(file);
    expect(download.contentType).toBe("text/csv");
    expect(download.size).toBe(8);
    expect(await text(download.stream)).toBe("a,b\n1,2\n");
    expect(server.requests[0]?.headers["x-asteroid-agents-api-key"]).toBe(TEST_API_KEY);
    expect(server.requests[0]?.query.get("sig")).toBe("abc");
  });

  it("never sends the API key to another host", async () => {
    await other.start();
    other.route("GET /bucket/:id", { text: "bytes" });
    const download = await testClient(server).files.download(`${other.url}/bucket/report.csv?X-Sig=1`);
    expect(await text(download.stream)).toBe("bytes");
    const [request] = other.requests;
    expect(request?.headers["x-asteroid-agents-api-key"]).toBeUndefined();
    expect(JSON.stringify(request?.headers)).not.toContain(TEST_API_KEY);
  });

  it("does not follow a redirect from the API's origin, which would carry the key away", async () => {
    await other.start();
    other.route("GET /stolen", { text: "gotcha" });
    server.route("GET /files/:id", { status: 302, headers: { location: `${other.url}/stolen` } });
    await expect(testClient(server).files.download(`${server.url}/files/x`)).rejects.toBeInstanceOf(
      AgentdeckError,
    );
    expect(other.requests).toEqual([]);
  });

  it("answers an expired URL's error with the class of its status", async () => {
    server.route("GET /files/:id", { status: 404, text: "expired" });
    await expect(testClient(server).files.download(`${server.url}/files/x`)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("refuses a source that is not an http(s) URL before sending", async () => {
    await expect(testClient(server).files.download("file:///etc/passwd")).rejects.toThrow(
      "Invalid download: give a file from executions.files() or its signedUrl, an http(s) URL.",
    );
    expect(server.requests).toEqual([]);
  });

  it("holds timeoutMs over the whole download, while the body stalls after the headers", async () => {
    const stalling = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": "100" });
      res.write("first bytes");
    });
    await new Promise<void>((resolve) => stalling.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}/file`;
    try {
      const started = Date.now();
      const download = await testClient(server).files.download(url, { timeoutMs: 300 });
      const error = await text(download.stream).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      stalling.closeAllConnections();
      await new Promise((resolve) => stalling.close(resolve));
    }
  });
});
