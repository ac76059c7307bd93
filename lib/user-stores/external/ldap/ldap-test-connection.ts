import { type Client, NoSuchObjectError } from "ldapts";
import type { ConnectionStep } from "../directory.ts";
import type { LdapSettings } from "../settings.ts";
import { connectFirst, probe } from "./ldap-connection.ts";
import { normalizeDn } from "./ldap-dn.ts";
import { describe } from "./ldap-errors.ts";
import { ldapIds } from "./ldap-ids.ts";

/**
 * "Test connection" for an LDAP store: connect (failover and TLS included), bind as the service
 * account, find the user and group bases, read one page of users. Each step on a connection of
 * its own, timed; the first failure ends the run and says what to fix.
 */
export async function testLdapConnection(settings: LdapSettings): Promise<ConnectionStep[]> {
  const ids = ldapIds(settings.uniqueIdAttribute);
  const steps: ConnectionStep[] = [];
  const step = async (name: string, run: () => Promise<string>): Promise<boolean> => {
    const started = performance.now();
    try {
      const detail = await run();
      steps.push({ step: name, ok: true, detail, ms: Math.round(performance.now() - started) });
      return true;
    } catch (error) {
      steps.push({ step: name, ok: false, detail: describe(error), ms: Math.round(performance.now() - started) });
      return false;
    }
  };

  let client: Client | undefined;
  try {
    const connected = await step("connect", async () => {
      const opened = await connectFirst(settings, probe);
      client = opened.client;
      const tls = opened.url.startsWith("ldaps:") ? " over TLS" : settings.startTls ? " with StartTLS" : "";
      return `Connected to ${opened.url}${tls}.`;
    });
    if (!connected || !client) return steps;
    const bound = client;
    if (!(await step("bind", async () => (await bound.bind(settings.bindDn, settings.bindPassword), `Bound as ${settings.bindDn}.`))))
      return steps;
    if (!(await step("user search base", () => findBase(bound, settings.userSearchBase, "user")))) return steps;
    const groupBase = settings.groupSearchBase;
    const groupsFound = await step("group search base", async () =>
      groupBase ? findBase(bound, groupBase, "group") : "No group search base is set: groups are not read.",
    );
    if (!groupsFound) return steps;
    await step("read users", async () => {
      const filter = settings.userListFilter.startsWith("(") ? settings.userListFilter : `(${settings.userListFilter})`;
      const pages = bound.searchPaginated(settings.userSearchBase, {
        scope: "sub",
        filter,
        attributes: [ids.attribute],
        paged: { pageSize: settings.pageSize },
        ...(ids.binary ? { explicitBufferAttributes: [ids.attribute] } : {}),
      });
      const first = await pages.next();
      await pages.return(undefined);
      const entries = first.done ? [] : first.value.searchEntries;
      const count = entries.length;
      // Entries without the id attribute fall back to their DN: say so before a rename costs someone their roles.
      const byDn = entries.filter((entry) => ids.of(entry) === normalizeDn(entry.dn)).length;
      const naming =
        byDn === 0
          ? `Named by ${ids.attribute}.`
          : `${byDn} of them returned no ${ids.attribute}: they are named by their DN, and renaming one in the directory ` +
            `deletes and re-creates it in Gatehouse.`;
      return `Read ${count} user${count === 1 ? "" : "s"} in the first page (page size ${settings.pageSize}, filter ${filter}). ${naming}`;
    });
    return steps;
  } finally {
    await client?.unbind().catch(() => undefined);
  }
}

async function findBase(client: Client, base: string, kind: string): Promise<string> {
  try {
    await client.search(base, { scope: "base", attributes: ["1.1"] });
    return `The ${kind} search base ${base} exists.`;
  } catch (error) {
    if (error instanceof NoSuchObjectError) throw new Error(`The ${kind} search base ${base} does not exist.`);
    throw error;
  }
}
