import { execFileSync } from "node:child_process";
import type { Slapd } from "./slapd.ts";

/** The groupOfNames entries slapd holds, as `ldapsearch` prints them (the directory itself, not our client's reading): cn -> entryUUID and member DNs. */
export function slapdGroups(slapd: Slapd): Map<string, { uuid: string; members: string[] }> {
  const args = ["-x", "-LLL", "-o", "ldif-wrap=no", "-H", slapd.url, "-D", slapd.rootDn, "-w", slapd.rootPassword, "-b", slapd.groupsDn];
  const out = execFileSync("ldapsearch", [...args, "(objectClass=groupOfNames)", "cn", "entryUUID", "member"], { encoding: "utf8" });
  const groups = new Map<string, { uuid: string; members: string[] }>();
  for (const block of out.split("\n\n")) {
    const values = (name: string) => [...block.matchAll(new RegExp(`^${name}: (.*)$`, "gm"))].map((m) => m[1]!);
    const [cn] = values("cn");
    if (cn) groups.set(cn, { uuid: values("entryUUID")[0]!, members: values("member") });
  }
  return groups;
}
