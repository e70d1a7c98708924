// The floor of the keystroke figure: a program that answers each key at once, with no UI at all.
// Measured the same way as agentdeck, it is what the pty, Node's wake-up and the harness cost.
let count = 0;
process.stdin.setRawMode(true);
process.stdin.on("data", (data) => {
  if (data.includes(3)) process.exit(0);
  count += data.length;
  process.stdout.write(`\r\x1b[Kkeys: ${count}`);
});
process.stdout.write("ready");
process.once("SIGTERM", () => process.exit(0));
