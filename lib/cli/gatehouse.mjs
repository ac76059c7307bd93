#!/usr/bin/env node
// The `gatehouse` bin: runs the TypeScript CLI through tsx, so there is no build step to forget.
import { register } from "tsx/esm/api";

// `gatehouse get users | head` closes the pipe early: that is the reader's choice, not a crash.
// The command still finishes, so its exit code (say, check's "denied") is not lost.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
}

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv);
