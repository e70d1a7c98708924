import { command, group } from "../command-spec.ts";
import { stageLocalFiles } from "../files/stage.ts";
import { stagedFileView } from "../views/file.ts";
import { orgOption } from "./list-options.ts";

const stage = command({
  usage: "stage <path...>",
  summary: "upload files for a run; prints the temp files to give it",
  description:
    "Upload files before a run, in one request, and print the temp files the API made of them (--json: {tempFiles: [{id, name}]}, as execute's tempFiles takes them). agentdeck run --file stages and attaches in one step.",
  examples: [
    "agentdeck files stage invoices.csv brief.pdf",
    "agentdeck files stage invoices.csv --json | jq -c .tempFiles",
    "agentdeck files stage invoices.csv --org $ORG --quiet        # the temp file ids",
  ],
  options: (c) => orgOption(c, "to stage them in"),
  async run(session, paths, options) {
    const tempFiles = await stageLocalFiles(session, paths, {
      flag: "files stage",
      org: options.org as string | undefined,
    });
    await session.out.list(tempFiles, stagedFileView, { tempFiles });
  },
});

/** `agentdeck files …` */
export const files = group("files", "files for runs: stage them before a run", [stage]);
