import { EXIT } from "./exit-codes.ts";
import { type CliIo, type InputStream, InterruptedError, type OutputStream } from "./io.ts";

function outputOf(stream: NodeJS.WriteStream): OutputStream {
  return {
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.isTTY ? stream.columns : undefined;
    },
    write: (text) =>
      new Promise((resolve) => {
        if (stream.write(text)) resolve();
        else stream.once("drain", () => resolve());
      }),
  };
}

function inputOf(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): InputStream {
  return {
    isTTY: stdin.isTTY === true,
    async readAll() {
      let text = "";
      stdin.setEncoding("utf8");
      for await (const chunk of stdin) text += chunk;
      return text;
    },
    readLine: (prompt, { hidden = false } = {}) =>
      new Promise((resolve, reject) => {
        stderr.write(prompt);
        stdin.setRawMode(true);
        stdin.setEncoding("utf8");
        stdin.resume();
        let line = "";
        const finish = () => {
          stdin.off("data", onData);
          stdin.setRawMode(false);
          stdin.pause();
          stderr.write("\n");
        };
        const onData = (chunk: string) => {
          for (const char of chunk) {
            if (char === "\r" || char === "\n") {
              finish();
              return resolve(line);
            }
            if (char === "\u0003") {
              finish();
              return reject(new InterruptedError());
            }
            if (char === "\u007f" || char === "\b") {
              if (!hidden && line !== "") stderr.write("\b \b");
              line = line.slice(0, -1);
            } else if (char >= " ") {
              if (!hidden) stderr.write(char);
              line += char;
            }
          }
        };
        stdin.on("data", onData);
      }),
  };
}

/**
 * The CliIo of the `agentdeck` process. The first Ctrl-C aborts `interrupt`, so a wait can stop
 * cleanly and say how to resume; a second one exits at once. A closed pipe (`| head`) ends the
 * process quietly: the reader has all it wanted.
 */
export function processIo(): CliIo {
  const controller = new AbortController();
  process.on("SIGINT", () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort(new InterruptedError());
  });
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(EXIT.ok);
      throw error;
    });
  }
  return {
    env: process.env,
    stdout: outputOf(process.stdout),
    stderr: outputOf(process.stderr),
    stdin: inputOf(process.stdin, process.stderr),
    interrupt: controller.signal,
  };
}
