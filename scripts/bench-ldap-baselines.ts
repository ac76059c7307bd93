// bench:ldap's baselines (issue #13): the same reads straight from slapd, with OpenLDAP's own
// `ldapsearch` (ldap-utils) and through Gatehouse's LDAP Directory in process, so each console
// figure in scripts/bench-ldap.ts stands beside what the directory itself takes.
import { spawnSync } from "node:child_process";
import { closeSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Directory } from "../lib/user-stores/external/directory.ts";
import type { Slapd } from "../testing/slapd.ts";

export type Timed = { rows: number; ms: number };

const ANSWER_FILE = join(tmpdir(), `gatehouse-bench-ldap-answer-${process.pid}`);
writeFileSync(ANSWER_FILE, "0\n");
process.once("exit", () => {
  try {
    rmSync(ANSWER_FILE);
  } catch {
    // already gone
  }
});

/**
 * One `ldapsearch` run as the root DN, timed around the whole process (start-up included; the
 * "spawn floor" case measures that part alone). `page` asks for RFC 2696 paged results of that
 * size and answers the prompt after the first page with 0, which abandons the paged search
 * (RFC 2696: a size of 0 ends it), so only the first page crosses the wire. slapd returns
 * entries in its own (load) order: without the sssvlv overlay there is no server-side sort, so
 * this "first page" is the first 25 entries slapd holds, not the first 25 names.
 */
export function ldapsearch(slapd: Slapd, search: { base: string; filter: string; attrs: string[]; page?: number; scope?: string }): Timed {
  const args = ["-x", "-LLL", "-o", "ldif-wrap=no", "-H", slapd.url, "-D", slapd.rootDn, "-w", slapd.rootPassword];
  args.push("-b", search.base, "-s", search.scope ?? "sub");
  if (search.page) args.push("-E", `pr=${search.page}/prompt`);
  args.push(search.filter, ...search.attrs);
  // The answer comes from a file, not a pipe: a search that fits in one page exits without reading it (EPIPE on a pipe).
  const answer = openSync(ANSWER_FILE, "r");
  const start = performance.now();
  const run = spawnSync("ldapsearch", args, { stdio: [answer, "pipe", "pipe"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  closeSync(answer);
  if (run.error) throw run.error;
  // Answering 0 to the prompt makes ldapsearch exit 1 after the abandoned page; other failures print why.
  if (run.status !== 0 && !(search.page && run.status === 1 && run.stderr === "")) {
    throw new Error(`ldapsearch ${args.join(" ")} failed (${run.status}): ${run.stderr}`);
  }
  const lines = run.stdout.split("\n");
  const rows = search.attrs.length === 1 && search.attrs[0] !== "1.1" ? lines.filter((l) => l.startsWith(`${search.attrs[0]}:`)).length : 0;
  return { rows: rows || lines.filter((l) => l.startsWith("dn:")).length, ms };
}

/** The first page of Directory.users() (RFC 2696 at the store's pageSize), the rest of the paged search left unread. */
export async function directoryFirstPage(directory: Directory): Promise<number> {
  for await (const page of directory.users()) return page.length;
  return 0;
}

/** One full pass over users() and groups(), as a sync reads them, without writing anything. */
export async function directoryFullRead(directory: Directory): Promise<{ users: number; groups: number; members: number }> {
  let users = 0;
  let groups = 0;
  let members = 0;
  for await (const page of directory.users()) users += page.length;
  for await (const page of directory.groups()) {
    groups += page.length;
    for (const group of page) members += group.memberIds.length;
  }
  return { users, groups, members };
}

/** Counts the Directory calls made through it: the console's list reads must make none. */
export function countingDirectory(directory: Directory): { directory: Directory; calls: () => number } {
  let calls = 0;
  const counted = new Proxy(directory, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function" || prop === "close") return value;
      return (...args: unknown[]) => {
        calls++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { directory: counted, calls: () => calls };
}
