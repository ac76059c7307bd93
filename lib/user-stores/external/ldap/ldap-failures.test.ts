import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDirectory, ldapSettingsFor as settingsFor } from "../../../../testing/ldap-fixture.ts";
import { type Slapd, slapdAvailable, startSlapd } from "../../../../testing/slapd.ts";
import { createLdapDirectory } from "./ldap-directory.ts";

const runs = slapdAvailable() || process.env.CI !== undefined;
const fixture = generateDirectory({ users: 200, groups: 5 });

/** A TCP server that accepts connections and never says a word: a hung directory. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    url: `ldap://127.0.0.1:${address.port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A URL nothing listens on: the port of a server that was just closed. */
async function deadUrl(): Promise<string> {
  const silent = await silentServer();
  await silent.close();
  return silent.url;
}

describe.skipIf(!runs)("the LDAP directory when servers fail", () => {
  let slapd: Slapd;
  let hung: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    slapd = await startSlapd({ ldif: fixture.ldif });
    hung = await silentServer();
  });
  afterAll(async () => {
    await hung?.close();
    await slapd?.stop();
  });

  it("fails over to the second URL when the first refuses connections or hangs", async () => {
    for (const first of [await deadUrl(), hung.url]) {
      const directory = createLdapDirectory(
        settingsFor(slapd, { urls: [first, slapd.url], connectTimeoutMs: 300, readTimeoutMs: 300 }),
        true,
      );
      expect((await directory.findUser("user000100"))?.username).toBe("user000100");
      const steps = await directory.test();
      expect(steps.every((step) => step.ok)).toBe(true);
      await directory.close();
    }
  });

  it("fails with STORE_UNAVAILABLE within the read timeout when the server accepts and never answers", async () => {
    const directory = createLdapDirectory(settingsFor(slapd, { urls: [hung.url], connectTimeoutMs: 300, readTimeoutMs: 300 }), false);
    await expect(directory.findUser("user000100")).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    await expect(directory.authenticate(`uid=user000100,${slapd.peopleDn}`, fixture.password)).rejects.toMatchObject({
      code: "STORE_UNAVAILABLE",
    });
    await expect(directory.setPassword(`uid=user000100,${slapd.peopleDn}`, "x")).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    const steps = await directory.test();
    // The TCP connection opens, but the first LDAP request (the root DSE) gets no answer.
    expect(steps.map((step) => [step.step, step.ok])).toEqual([["connect", false]]);
    expect(steps[0]!.detail).toContain("no answer within the timeout");
    await directory.close();
  });

  it("reports a search base that does not exist as STORE_UNAVAILABLE, not as an empty directory", async () => {
    const directory = createLdapDirectory(settingsFor(slapd, { userSearchBase: `ou=gone,${slapd.suffix}` }), true);
    await expect(directory.findUser("user000100")).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    await expect(directory.users()[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    await directory.close();
  });

  it("says so when a non-root service account hits slapd's size limit while paging", async () => {
    const small = generateDirectory({ users: 600, groups: 1 });
    const limited = await startSlapd({ ldif: small.ldif });
    const account = { bindDn: `uid=user000100,${limited.peopleDn}`, bindPassword: small.password };
    const directory = createLdapDirectory(settingsFor(limited, { ...account, pageSize: 100 }), true);
    try {
      const pages = directory.users()[Symbol.asyncIterator]();
      await expect(
        (async () => {
          while (!(await pages.next()).done);
        })(),
      ).rejects.toThrow(/size limit/);
    } finally {
      await directory.close();
      await limited.stop();
    }
  });

  it("reports a refused connection at the connect step", async () => {
    const url = await deadUrl();
    const steps = await createLdapDirectory(settingsFor(slapd, { urls: [url] }), true).test();
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ step: "connect", ok: false });
    expect(steps[0]!.detail).toContain("ECONNREFUSED");
  });

  it("fails while slapd is down, mid-paging too, and reconnects bound once it is back", async () => {
    const directory = createLdapDirectory(settingsFor(slapd, { pageSize: 50, connectTimeoutMs: 500, readTimeoutMs: 2_000 }), false);
    const user = (await directory.findUser("user000100"))!;
    const pages = directory.users()[Symbol.asyncIterator]();
    expect((await pages.next()).value).toHaveLength(50);

    await slapd.kill();
    await expect(pages.next()).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    await expect(directory.findUser("user000100")).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    await expect(directory.authenticate(user.externalId, fixture.password)).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });

    await slapd.restart();
    // A write needs the service account's bind: the new connection is bound, not anonymous.
    await directory.setClaims(user.externalId, { "http://wso2.org/claims/givenname": "Back" });
    expect((await directory.findUser("user000100"))?.claims["http://wso2.org/claims/givenname"]).toBe("Back");
    expect(await directory.authenticate(user.externalId, fixture.password)).toBe(true);
    await directory.close();
  });
});

describe.skipIf(!runs)("the LDAP directory over TLS and with memberOf", () => {
  let slapd: Slapd;

  beforeAll(async () => {
    slapd = await startSlapd({ ldif: fixture.ldif, tls: true, memberOf: true });
  });
  afterAll(async () => {
    await slapd?.stop();
  });

  it("connects with LDAPS and with StartTLS when given the CA, and refuses an unknown CA", async () => {
    const plainUrl = slapd.url.replace("127.0.0.1", "localhost");
    for (const overrides of [{ urls: [slapd.ldapsUrl!] }, { urls: [plainUrl], startTls: true }]) {
      const directory = createLdapDirectory(settingsFor(slapd, { ...overrides, caFile: slapd.caFile }), true);
      expect((await directory.findUser("user000100"))?.username).toBe("user000100");
      expect(await directory.authenticate(`uid=user000100,${slapd.peopleDn}`, fixture.password)).toBe(true);
      await directory.close();

      const untrusted = createLdapDirectory(settingsFor(slapd, overrides), true);
      await expect(untrusted.findUser("user000100")).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
      await untrusted.close();
    }
  });

  it("reads memberships from the users' memberOf, written through the group's member", async () => {
    const directory = createLdapDirectory(settingsFor(slapd, { membershipAttribute: "memberOf" }), false);
    const [a, b] = [(await directory.findUser("user000100"))!, (await directory.findUser("user000101"))!];
    const group = await directory.createGroup("memberof group", [a.externalId]);
    await directory.addMembers(group.externalId, [b.externalId]);
    expect((await directory.findUser("user000101"))!.groupIds).toEqual([group.externalId]);
    const groups: { externalId: string; memberIds: string[] }[] = [];
    for await (const page of directory.groups()) groups.push(...page);
    expect(new Set(groups.find((g) => g.externalId === group.externalId)?.memberIds)).toEqual(new Set([a.externalId, b.externalId]));
    await directory.close();
  });
});
