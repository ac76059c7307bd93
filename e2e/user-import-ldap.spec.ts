import { expect } from "@playwright/test";
import { createLdapDirectory } from "../lib/user-stores/external/ldap/ldap-directory.ts";
import { ldapSettingsFor, ssha } from "../testing/ldap-fixture.ts";
import { startSlapd, type Slapd } from "../testing/slapd.ts";
import { e2eDb } from "./support/db.ts";
import { chooseRowAction } from "./support/row-menu.ts";
import { unique } from "./support/seed.ts";
import { adminTest } from "./support/signed-in.ts";

// Issue #16 into a directory: the console's Import users writes a WSO2 bulk-import file into a
// read-write LDAP store (a private slapd), through the preview and the background job.

const PASSWORD = "an import password 1";
const EMAIL = "http://wso2.org/claims/emailaddress";
const tag = unique("ldi");
const DOMAIN = `LDI${tag}`.toUpperCase().replace(/[^A-Z0-9]/g, "");
let slapd: Slapd;

adminTest.beforeAll(async () => {
  const suffix = "dc=gatehouse,dc=test";
  const member = `uid=${tag}-seed,ou=people,${suffix}`;
  const ldif = [
    [`dn: ${member}`, "objectClass: inetOrgPerson", `uid: ${tag}-seed`, "cn: Seed", "sn: Seed", `userPassword: ${ssha(PASSWORD)}`],
    [`dn: cn=importers,ou=groups,${suffix}`, "objectClass: groupOfNames", "cn: importers", `member: ${member}`],
  ];
  slapd = await startSlapd({ suffix, ldif: ldif.map((e) => e.join("\n")).join("\n\n") });
});

adminTest.afterAll(async () => {
  await slapd?.stop();
});

adminTest("an admin imports a WSO2 bulk-import file into a read-write LDAP store, and the users are in the directory", async ({ page }) => {
  await page.goto("/settings/user-stores/new");
  await page.getByLabel("Domain name").fill(DOMAIN);
  await page.getByLabel(/^Read-only/).setChecked(false);
  await page.getByLabel("Sync every (minutes)").fill("0");
  await page.getByLabel("Connection URLs").fill(slapd.url);
  await page.getByLabel("Bind DN").fill(slapd.rootDn);
  await page.getByLabel("Bind password").fill(slapd.rootPassword);
  await page.getByLabel("User search base").fill(slapd.peopleDn);
  await page.getByLabel("Group search base").fill(slapd.groupsDn);
  await page.getByRole("button", { name: "Add user store" }).click();
  await expect(page.getByText(`${DOMAIN} added.`)).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: `Actions for ${DOMAIN}`, exact: true }) });
  await chooseRowAction(row, `Sync ${DOMAIN} now`);
  await expect(page.getByText(`${DOMAIN} synced: 1 user, 1 group.`)).toBeVisible({ timeout: 30_000 });

  await page.goto("/users/import");
  await page.getByLabel("User store").selectOption(DOMAIN);
  await page.getByLabel(/Skip them/).check();
  const file = [
    "UserName,Password,Claims",
    `${tag}_ann,${PASSWORD},${EMAIL}=ann@example.com,http://wso2.org/claims/role=${DOMAIN}/importers`,
    `${tag}_bob,,${EMAIL}=bob@example.com`,
  ].join("\n");
  await page.getByLabel("File").setInputFiles({ name: `${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Import of ${tag}.csv` })).toBeVisible();
  await page.getByRole("link", { name: "Invalid" }).click();
  await expect(page.getByRole("row").filter({ hasText: `${tag}_bob` })).toContainText(
    `The ${DOMAIN} directory needs a password for each new user.`,
  );

  await page.getByRole("button", { name: "Import 1 user" }).click();
  await expect(page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "Finished" })).toContainText(
    "1 created, 0 updated, 0 skipped, 0 failed, 1 invalid.",
  );
  const ldap = createLdapDirectory(ldapSettingsFor(slapd), true);
  try {
    const ann = await ldap.findUser(`${tag}_ann`);
    expect(ann?.claims[EMAIL]).toBe("ann@example.com");
    expect(ann?.groupIds).toHaveLength(1);
    expect(await ldap.authenticate(ann!.externalId, PASSWORD)).toBe(true);
    expect(await ldap.findUser(`${tag}_bob`)).toBeNull();
  } finally {
    await ldap.close();
  }
  const store = await e2eDb().userStore.findFirstOrThrow({ where: { domain: DOMAIN } });
  expect(await e2eDb().user.count({ where: { storeId: store.id, username: `${tag}_ann` } })).toBe(1);
  await page.goto(`/users?domain=${DOMAIN}`);
  await expect(page.getByRole("link", { name: `${tag}_ann`, exact: true })).toBeVisible();
});
