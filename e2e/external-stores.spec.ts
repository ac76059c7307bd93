import { expect, test, type Page } from "@playwright/test";
import { ssha } from "../testing/ldap-fixture.ts";
import { startSlapd, type Slapd } from "../testing/slapd.ts";
import { createWso2Database, seedWso2, type Wso2Database } from "../testing/wso2-jdbc.ts";
import { fillSignIn, SIGN_IN_FAILED } from "./support/auth.ts";
import { e2eDb, seedUser } from "./support/db.ts";
import { seedRole, unique } from "./support/seed.ts";
import { adminTest } from "./support/signed-in.ts";
import { countOf } from "../lib/core/plural.ts";

// Issue #13's "Done means", end to end: a private slapd and a WSO2 JDBC database of this spec's
// own, added and synced from the console, their users listed beside PRIMARY's, and a read-only
// LDAP user who signs in as DOMAIN/name with the directory's password and holds exactly the
// Internal role given to them in the console.

const LOGIN = "/permission/admin/login";
const USERS_VIEW = "/permission/admin/manage/identity/usermgt/view";
const LDAP_PASSWORD = "directory-pass-1";
const JDBC_PASSWORD = "wso2-pass-1";
const tag = unique("e2e");
const alice = `${tag}-alice`;
const bob = `${tag}-bob`;

let slapd: Slapd;
let wso2: Wso2Database;

function directory(suffix: string): string {
  const person = (uid: string, given: string) =>
    [
      `dn: uid=${uid},ou=people,${suffix}`,
      "objectClass: inetOrgPerson",
      `uid: ${uid}`,
      `cn: ${given} Example`,
      `sn: Example`,
      `givenName: ${given}`,
      `mail: ${uid}@example.test`,
      `userPassword: ${ssha(LDAP_PASSWORD)}`,
    ].join("\n");
  const group = [
    `dn: cn=developers,ou=groups,${suffix}`,
    "objectClass: groupOfNames",
    "cn: developers",
    `member: uid=${alice},ou=people,${suffix}`,
    `member: uid=${bob},ou=people,${suffix}`,
  ].join("\n");
  return [person(alice, "Alice"), person(bob, "Bob"), group].join("\n\n");
}

// One slapd and one WSO2 database for the whole file, so its tests run in order in one worker.
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const suffix = "dc=gatehouse,dc=test";
  slapd = await startSlapd({ suffix, ldif: directory(suffix) });
  wso2 = await createWso2Database();
  await seedWso2(wso2.client, { users: 3, roles: 1, membersPerRole: 2, password: JDBC_PASSWORD, prefix: `${tag}-` });
});

test.afterAll(async () => {
  await slapd?.stop();
  await wso2?.drop();
});

async function openStoreForm(page: Page, type: "ldap" | "jdbc", domain: string, readOnly: boolean) {
  await page.goto("/settings/user-stores/new");
  if (type === "jdbc") await page.getByLabel("Store type").selectOption("jdbc");
  await page.getByLabel("Domain name").fill(domain);
  await page.getByLabel(/^Read-only/).setChecked(readOnly);
  await page.getByLabel("Sync every (minutes)").fill("0");
  if (type === "jdbc") {
    await page.getByLabel("Database URL").fill(wso2.url);
    return;
  }
  await page.getByLabel("Connection URLs").fill(slapd.url);
  await page.getByLabel("Bind DN").fill(slapd.rootDn);
  await page.getByLabel("Bind password").fill(slapd.rootPassword);
  await page.getByLabel("User search base").fill(slapd.peopleDn);
  await page.getByLabel("Group search base").fill(slapd.groupsDn);
}

/** Test connection (every step passes), Add user store, Sync now: the store's users and groups are mirrored. */
async function addAndSync(page: Page, domain: string, counts: { users: number; groups: number; lastStep: string }) {
  await page.getByRole("button", { name: "Test connection" }).click();
  const steps = page.getByRole("region", { name: "Connection test" }).getByRole("listitem");
  await expect(steps.last()).toContainText(`✓ ${counts.lastStep}`);
  await expect(steps.filter({ hasText: "✗" })).toHaveCount(0);

  await page.getByRole("button", { name: "Add user store" }).click();
  await expect(page.getByText(`${domain} added.`)).toBeVisible();
  await page.getByRole("button", { name: `Sync ${domain} now` }).click();
  await expect(page.getByText(`${domain} synced: ${countOf(counts.users, "user")}, ${countOf(counts.groups, "group")}.`)).toBeVisible();
}

const userRow = (page: Page, domain: string, name: string) =>
  page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name, exact: true }) })
    .filter({ hasText: domain });

adminTest(
  "a read-only LDAP store's user signs in as DOMAIN/name and holds exactly the Internal role given in the console",
  async ({ page, browser }) => {
    const domain = `RO${tag}`.toUpperCase();
    const primary = await seedUser(e2eDb(), { username: `${tag}-primary`, grants: [LOGIN] });
    const viewers = await seedRole({ domain: "Internal", name: `${tag}_viewers`, grants: [LOGIN, USERS_VIEW] });

    await openStoreForm(page, "ldap", domain, true);
    await addAndSync(page, domain, { users: 2, groups: 1, lastStep: "read users" });

    // Its users are listed beside PRIMARY's, and a search finds one of them.
    await page.goto(`/users?q=${tag}*`);
    await expect(userRow(page, domain, alice)).toContainText("(Read-Only)");
    await expect(userRow(page, domain, bob)).toBeVisible();
    await expect(userRow(page, "PRIMARY", primary.username)).toBeVisible();
    await page.getByLabel("Search users").fill(`${tag}-ali*`);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(userRow(page, domain, alice)).toBeVisible();
    await expect(userRow(page, domain, bob)).toHaveCount(0);

    // The read-only user's own store group is view-only; the Internal role is Gatehouse's to give.
    await userRow(page, domain, alice).getByRole("link", { name: "Assign Roles" }).click();
    await expect(page.getByRole("checkbox", { name: new RegExp(`Remove ${domain}/developers`) })).toBeDisabled();
    await page.getByRole("combobox", { name: "Find a role" }).fill(viewers.name);
    await page.getByRole("option", { name: new RegExp(`Internal/${viewers.name}`) }).click();
    await page.getByRole("button", { name: "Review changes" }).click();
    await expect(page.getByTestId("preview")).toContainText("Gains:");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(`Roles saved: added Internal/${viewers.name}.`)).toBeVisible();

    // The store's group is view-only on the roles page too.
    await page.goto(`/roles?q=${domain}/*`);
    const group = page.getByRole("row").filter({ has: page.getByRole("cell", { name: `${domain}/developers`, exact: true }) });
    await expect(group.getByRole("link")).toHaveText(["View Users"]);

    const context = await browser.newContext();
    const user = await context.newPage();
    await fillSignIn(user, `${domain}/${bob}`, "not the directory password");
    await expect(user.getByText(SIGN_IN_FAILED)).toBeVisible();
    await fillSignIn(user, `${domain}/${alice}`, LDAP_PASSWORD);
    await expect(user.getByTestId("current-user")).toContainText(alice);
    // usermgt/view through Internal/viewers, and nothing else: no roles, no user stores.
    expect((await user.goto("/users"))?.status()).toBe(200);
    expect((await user.goto("/roles"))?.status()).toBe(403);
    expect((await user.goto("/settings/user-stores"))?.status()).toBe(403);
    await context.close();
  },
);

adminTest("a read-write LDAP store and a WSO2 JDBC store are added from the console and list their users", async ({ page }) => {
  const ldap = `RW${tag}`.toUpperCase();
  await openStoreForm(page, "ldap", ldap, false);
  await addAndSync(page, ldap, { users: 2, groups: 1, lastStep: "read users" });
  await expect(page.getByRole("row").filter({ hasText: ldap })).toContainText("LDAP");

  const jdbc = `JDBC${tag}`.toUpperCase();
  await openStoreForm(page, "jdbc", jdbc, false);
  await addAndSync(page, jdbc, { users: 3, groups: 1, lastStep: "read a page" });
  await expect(page.getByRole("row").filter({ hasText: jdbc })).toContainText("WSO2 JDBC");

  await page.goto(`/users?domain=${ldap}`);
  await expect(userRow(page, ldap, alice)).not.toContainText("(Read-Only)");
  await expect(userRow(page, ldap, bob)).toBeVisible();
  await page.goto(`/users?domain=${jdbc}`);
  for (const i of [1, 2, 3]) await expect(userRow(page, jdbc, `${tag}-user-${i}`)).toBeVisible();

  // A read-write store's group is the directory's to rename or delete: the console offers neither.
  await page.goto(`/roles?q=${ldap}/*`);
  const group = page.getByRole("row").filter({ has: page.getByRole("cell", { name: `${ldap}/developers`, exact: true }) });
  await expect(group.getByRole("link")).toHaveText(["Edit Permissions", "Assign Users", "View Users"]);
  await expect(group.getByRole("button", { name: /Delete/ })).toHaveCount(0);
  const role = await e2eDb().role.findFirstOrThrow({ where: { store: { domain: ldap }, name: "developers" } });
  expect((await page.goto(`/roles/${role.id}/rename`))?.status()).toBe(403);
});
