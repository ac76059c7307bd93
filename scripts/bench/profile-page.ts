// The CPU a warm console spends on a page: one worker serves each --page 30 times to warm up, then
// --repeat times; prints the server process's CPU ms a request (user + system time, from /proc)
// and the wall time. Runs on the database `bench:users -- --tenants T --keep` left; with
// BENCH_PROFILE_DIR=dir the server also writes a V8 CPU profile there as it stops.
//
//   tsx scripts/bench/profile-page.ts [--page /users]... [--user admin@tenant0031.com] [--repeat 200]
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../../lib/db/client.ts";
import { resolveDbTarget } from "../../lib/db/target.ts";
import { BENCH_PASSWORD } from "../bench-support.ts";
import { get, signedInCookie, startConsole } from "./http.ts";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: `file:${path.resolve("data/bench/users.db")}` },
    user: { type: "string", default: "admin@tenant0031.com" },
    page: { type: "string", multiple: true, default: ["/users"] },
    repeat: { type: "string", default: "200" },
    port: { type: "string", default: "3730" },
  },
});
const target = resolveDbTarget(args.url);
const client = createDb(target);
const cookie = await signedInCookie(client, args.user, BENCH_PASSWORD);
await client.$disconnect();
const server = await startConsole(target, Number(args.port), 1);
/** utime + stime of the server's processes (found by their command line), in ms at Linux's 100 ticks a second. */
const cpu = () => {
  let total = 0;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes("serve.mjs") || !cmd.includes(args.port!)) continue;
      const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      total += (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
};
try {
  for (const page of args.page!) {
    // A page written "anonymous:/login" is asked without the session cookie.
    const anonymous = page.startsWith("anonymous:");
    const url = `http://127.0.0.1:${args.port}${page.replace(/^anonymous:/, "")}`;
    const headers: Record<string, string> = anonymous ? {} : { cookie };
    for (let i = 0; i < 30; i++) await get(url, headers);
    const before = cpu();
    const t0 = performance.now();
    const n = Number(args.repeat);
    let bytes = 0;
    for (let i = 0; i < n; i++) bytes = (await get(url, headers)).bytes;
    console.log(
      `${page}: ${bytes} B, ${((cpu() - before) / n).toFixed(1)} ms CPU/req, ${((performance.now() - t0) / n).toFixed(1)} ms wall/req`,
    );
  }
} finally {
  await server.stop();
}
