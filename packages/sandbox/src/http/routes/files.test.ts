import { ExecutionFileList, StagedFiles } from "@agentdeck/core";
import { describe, expect, it } from "vitest";
import { useSandbox } from "../../test/sandbox.ts";

const ctx = useSandbox({ stepMs: 20 });
const UNKNOWN = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

function form(...files: File[]): FormData {
  const data = new FormData();
  for (const file of files) data.append("files", file, file.name);
  return data;
}

async function stage(...files: File[]) {
  const response = await ctx.http.v2("POST", `/temp-files/${ctx.sandbox.organizationId}`, {
    form: form(...files),
  });
  expect(response.status).toBe(200);
  return StagedFiles.parse(response.body).tempFiles;
}

describe("POST /temp-files/{organizationId}", () => {
  it("stages each `files` part and answers their ids and names", async () => {
    const staged = await stage(
      new File(["a,b"], "in.csv", { type: "text/csv" }),
      new File(["%PDF"], "doc.pdf"),
    );
    expect(staged.map((f) => f.name)).toEqual(["in.csv", "doc.pdf"]);
    expect(new Set(staged.map((f) => f.id)).size).toBe(2);
  });

  it("answers the vendor's plain-text errors: 403 for another organization, 400 for no files", async () => {
    const other = await ctx.http.v2("POST", `/temp-files/${UNKNOWN}`, {
      form: form(new File(["x"], "x.txt")),
    });
    expect(other.status).toBe(403);
    expect(other.text).toBe("User is not a member of the organization.");
    const empty = await ctx.http.v2("POST", `/temp-files/${ctx.sandbox.organizationId}`, {
      json: { files: [] },
    });
    expect(empty.status).toBe(400);
    expect(empty.text).toBe("Invalid file upload request.");
  });

  it("checks the API key first", async () => {
    const response = await ctx.http.v2("POST", `/temp-files/${ctx.sandbox.organizationId}`, {
      form: form(new File(["x"], "x.txt")),
      anonymous: true,
    });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe(401);
  });
});

describe("an execute with tempFiles", () => {
  it("announces each file with file_added, lists it in context-files, and serves it at its signed URL without a key", async () => {
    const [file] = await stage(new File(["hello, agent"], "brief.txt", { type: "text/plain" }));
    const agent = ctx.sandbox.store.addAgent({ name: "Reader" });
    const started = await ctx.http.v2("POST", `/agents/${agent.id}/execute`, {
      json: { inputs: { steps: 1 }, tempFiles: [file] },
    });
    expect(started.status).toBe(202);
    const { executionId } = started.body;
    const activities = (await ctx.http.v2("GET", `/executions/${executionId}/activities`)).body;
    const added = activities.find(
      (a: { payload: { activityType: string } }) => a.payload.activityType === "file_added",
    );
    expect(added.payload).toMatchObject({
      fileId: file?.id,
      fileName: "brief.txt",
      fileSize: 12,
      mimeType: "text/plain",
      source: "upload",
    });
    const files = ExecutionFileList.parse(
      (await ctx.http.v2("GET", `/executions/${executionId}/context-files`)).body,
    );
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      id: file?.id,
      executionId,
      agentId: agent.id,
      fileExt: "txt",
      fileSize: 12,
    });
    const signed = files[0]?.signedUrl as string;
    expect(new URL(signed).origin).toBe(ctx.sandbox.url);
    const download = await fetch(signed);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await download.text()).toBe("hello, agent");
  });

  it("refuses a temp file that was never staged, and one already used by another run", async () => {
    const agent = ctx.sandbox.store.addAgent({ name: "Twice" });
    const unknown = await ctx.http.v2("POST", `/agents/${agent.id}/execute`, {
      json: { tempFiles: [{ id: UNKNOWN, name: "x" }] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/^tempFiles\[0\]\.id: no staged file/);
    const [file] = await stage(new File(["x"], "x.txt"));
    expect(
      (await ctx.http.v2("POST", `/agents/${agent.id}/execute`, { json: { tempFiles: [file] } })).status,
    ).toBe(202);
    expect(
      (await ctx.http.v2("POST", `/agents/${agent.id}/execute`, { json: { tempFiles: [file] } })).status,
    ).toBe(400);
  });
});

describe("signed URLs", () => {
  it("refuse a tampered signature and an expired URL with 403", async () => {
    const [file] = await stage(new File(["secret"], "s.txt"));
    const url = new URL(ctx.sandbox.store.files.signedUrl(file?.id as string));
    url.searchParams.set("signature", "forged");
    const forged = await fetch(url);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toBe("This signed URL is not valid.");
    const expired = await fetch(ctx.sandbox.store.files.signedUrl(file?.id as string, Date.now() - 1));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toBe("This signed URL has expired.");
  });
});

describe("/executions/{id}/context-files", () => {
  it("adds files to a running execution with the documented text answer and a file_added activity", async () => {
    const agent = ctx.sandbox.store.addAgent({ name: "Slow" });
    const run = ctx.sandbox.store.addExecution({ agentId: agent.id, status: "running" });
    const response = await ctx.http.v2("POST", `/executions/${run.id}/context-files`, {
      form: form(new File(["1,2"], "more.csv", { type: "text/csv" })),
    });
    expect(response.status).toBe(200);
    expect(response.text).toBe("Files uploaded.");
    const files = (await ctx.http.v2("GET", `/executions/${run.id}/context-files`)).body;
    expect(files.map((f: { fileName: string }) => f.fileName)).toEqual(["more.csv"]);
    const activities = (
      await ctx.http.v2("GET", `/executions/${run.id}/activities`, { query: { order: "desc" } })
    ).body;
    expect(activities[0].payload).toMatchObject({ activityType: "file_added", fileName: "more.csv" });
  });

  it("answers the vendor's texts: 404 for an unknown execution, 400 for a finished one", async () => {
    const listed = await ctx.http.v2("GET", `/executions/${UNKNOWN}/context-files`);
    expect(listed.status).toBe(404);
    expect(listed.text).toBe("Execution files not found.");
    const upload = await ctx.http.v2("POST", `/executions/${UNKNOWN}/context-files`, {
      form: form(new File(["x"], "x.txt")),
    });
    expect(upload.status).toBe(404);
    expect(upload.text).toBe("Execution not found.");
    const agent = ctx.sandbox.store.addAgent({ name: "Done" });
    const done = ctx.sandbox.store.addExecution({ agentId: agent.id, status: "completed" });
    const late = await ctx.http.v2("POST", `/executions/${done.id}/context-files`, {
      form: form(new File(["x"], "x.txt")),
    });
    expect(late.status).toBe(400);
    expect(late.text).toBe("Invalid file upload request.");
    expect((await ctx.http.v2("GET", `/executions/${done.id}/context-files`)).body).toEqual([]);
  });
});
