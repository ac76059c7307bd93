import { expect, test, type Page } from "@playwright/test";
import { ssha } from "../testing/ldap-fixture.ts";
import { startSlapd, type Slapd } from "../testing/slapd.ts";
import { slapdGroups } from "../testing/slapd-groups.ts";
import { createWso2Database, seedWso2, type Wso2Database } from "../testing/wso2-jdbc.ts";
import { captureAction, replayAction, withField } from "./support/actions.ts";
import { fillSignIn, SIGN_IN_FAILED } from "./support/auth.ts";
import { expectAccessible } from "./support/axe.ts";
import { seedUser } from "./support/db.ts";
import { seedRole, unique } from "./support/seed.ts";
import { storesTest } from "./support/stores-server.ts";
import { chooseRowAction, rowActions, rowMenuButton } from "./support/row-menu.ts";
import { countOf } from "../lib/core/plural.ts";

// Issue #13's "Done means", end to end: a private slapd and a WSO2 JDBC database of this spec's
// own, added and synced from the console, their users listed beside PRIMARY's, and a read-only
// LDAP user who signs in as DOMAIN/name with the directory's password and holds exactly the
// Internal role given to them in the console. It runs on the shared SQLite server (console) and
// on a PostgreSQL server of its own (stores-postgres; e2e/support/stores-server.ts).

const LOGIN = "/permission/admin/login";
const USERS_VIEW = "/permission/admin/manage/identity/usermgt/view";
const LDAP_PASSWORD = "directory-pass-1";
const JDBC_PASSWORD = "wso2-pass-1";
const tag = unique("e2e");
const alice = `${tag}-alice`;
const bob = `${tag}-bob`;
// The stores the first two tests add, over the same slapd: one read-only, one read-write.
const RO = `RO${tag}`.toUpperCase();
const RW = `RW${tag}`.toUpperCase();

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
  // A group of groups: with "Nested groups" on, the developers hold engineering too.
  const nested = [
    `dn: cn=engineering,ou=groups,${suffix}`,
    "objectClass: groupOfNames",
    "cn: engineering",
    `member: cn=developers,ou=groups,${suffix}`,
  ].join("\n");
  return [person(alice, "Alice"), person(bob, "Bob"), group, nested].join("\n\n");
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

async function openStoreForm(page: Page, type: "ldap" | "jdbc", domain: string, readOnly: boolean, nestedGroups = false) {
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
  await page.getByLabel("Nested groups").setChecked(nestedGroups);
}

/** Test connection (every step passes), Add user store, Sync now: the store's users and groups are mirrored. */
async function addAndSync(page: Page, domain: string, counts: { users: number; groups: number; lastStep: string }) {
  await page.getByRole("button", { name: "Test connection" }).click();
  const steps = page.getByRole("region", { name: "Connection test" }).getByRole("listitem");
  await expect(steps.last()).toContainText(`✓ ${counts.lastStep}`);
  await expect(steps.filter({ hasText: "✗" })).toHaveCount(0);

  await page.getByRole("button", { name: "Add user store" }).click();
  await expect(page.getByText(`${domain} added.`)).toBeVisible();
  await chooseRowAction(storeRow(page, domain), `Sync ${domain} now`);
  // A sync ends by re-analysing the planner's statistics: on a busy machine that alone can outlast the default 10 s.
  await expect(page.getByText(`${domain} synced: ${countOf(counts.users, "user")}, ${countOf(counts.groups, "group")}.`)).toBeVisible({
    timeout: 30_000,
  });
}

const storeRow = (page: Page, domain: string) =>
  page.getByRole("row").filter({ has: page.getByRole("button", { name: `Actions for ${domain}`, exact: true }) });

const userRow = (page: Page, domain: string, name: string) =>
  page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name, exact: true }) })
    .filter({ hasText: domain });

storesTest(
  "a read-only LDAP store's user signs in as DOMAIN/name and holds exactly the Internal role given in the console",
  async ({ page, browser, db }) => {
    const domain = RO;
    const primary = await seedUser(db, { username: `${tag}-primary`, grants: [LOGIN] });
    const viewers = await seedRole({ db, domain: "Internal", name: `${tag}_viewers`, grants: [LOGIN, USERS_VIEW] });

    await openStoreForm(page, "ldap", domain, true, true);
    await expectAccessible(page, "the LDAP store form", "main form");
    await addAndSync(page, domain, { users: 2, groups: 2, lastStep: "read users" });

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
    await chooseRowAction(userRow(page, domain, alice), /^Assign roles to /);
    await expect(page.getByRole("button", { name: `Remove ${domain}/developers`, exact: true })).toBeDisabled();
    // engineering holds developers: alice holds it through them.
    await expect(page.getByRole("button", { name: `Remove ${domain}/engineering`, exact: true })).toBeDisabled();
    await page.getByRole("combobox", { name: "Find a role" }).fill(viewers.name);
    await page.getByRole("option", { name: new RegExp(`Internal/${viewers.name}`) }).click();
    await page.getByRole("button", { name: "Review changes" }).click();
    await expect(page.getByTestId("preview")).toContainText("Gains:");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(`Roles saved: added Internal/${viewers.name}.`)).toBeVisible();

    // The store's group is view-only on the roles page too.
    await page.goto(`/roles?q=${domain}/*`);
    const group = page.getByRole("row").filter({ has: page.getByRole("cell", { name: `${domain}/developers`, exact: true }) });
    await expect(group.getByRole("link")).toHaveText([`${domain}/developers`]);
    await expect(rowMenuButton(group)).toHaveCount(0);

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

storesTest("a read-write LDAP store and a WSO2 JDBC store are added from the console and list their users", async ({ page, db }) => {
  const ldap = RW;
  await openStoreForm(page, "ldap", ldap, false);
  await addAndSync(page, ldap, { users: 2, groups: 2, lastStep: "read users" });
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

  // A read-write store's group is renamed and deleted here too (in the directory): every action is offered.
  await page.goto(`/roles?q=${ldap}/*`);
  const group = page.getByRole("row").filter({ has: page.getByRole("cell", { name: `${ldap}/developers`, exact: true }) });
  await expect(group.getByRole("link")).toHaveText([`${ldap}/developers`]);
  expect(await rowActions(group)).toEqual(["Rename", "Edit permissions", "Assign users", "Delete"]);
  // Nested groups are off here (the default): engineering names no user, so it has no members.
  expect(await db.role.findFirstOrThrow({ where: { store: { domain: ldap }, name: "engineering" } })).toMatchObject({ memberCount: 0 });
});

const directoryGroups = () => slapdGroups(slapd);
const roleRow = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });

/** The Add New Role wizard from its first step to its review, each step's heading reached before the next Next. */
async function nextToReview(page: Page) {
  for (const step of [2, 3, 4]) {
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByRole("heading", { name: new RegExp(`^Step ${step} of 4`) })).toBeFocused();
  }
}

storesTest(
  "an admin creates, renames and deletes a read-write LDAP store's group from the console, in the directory",
  async ({ page, db }) => {
    const team = `${tag}-team-x`;
    await page.goto("/roles/new");
    await page.getByLabel("Domain", { exact: true }).selectOption(RW);
    await page.getByLabel("Role Name").fill(team);
    // A groupOfNames cannot be empty: Finish without a member of the store is refused on the users step, as in WSO2.
    await nextToReview(page);
    await page.getByRole("button", { name: "Finish" }).click();
    const users = page.getByRole("group", { name: "Assign users to the new role" });
    await expect(users).toContainText("needs at least one member");
    await expect(users).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page, "the wizard's refused users step");
    expect(directoryGroups().has(team)).toBe(false);

    await page.getByLabel("Search users").fill(`${tag}-ali*`);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByLabel(`${RW}/${alice}`).check();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Finish" }).click();
    await expect(page.getByText(`Role ${RW}/${team} added.`)).toBeVisible();
    await expect(page.getByTestId("role-members")).toContainText(alice);
    const made = directoryGroups().get(team)!;
    expect(made.members).toEqual([`uid=${alice},${slapd.peopleDn}`]);

    const renamed = `${tag}-team-y`;
    await page.goto(`/roles?q=${RW}/${tag}*`);
    await chooseRowAction(roleRow(page, `${RW}/${team}`), /^Rename/);
    await page.getByLabel("New role name").fill(renamed);
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByText(`Renamed ${RW}/${team} to ${RW}/${renamed}.`)).toBeVisible();
    // modrdn: the same entry (entryUUID) under its new name, with its member.
    expect(directoryGroups().get(renamed)).toEqual(made);
    expect(directoryGroups().has(team)).toBe(false);

    await page.goto(`/roles?q=${RW}/${tag}*`);
    await chooseRowAction(roleRow(page, `${RW}/${renamed}`), /^Delete/);
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading")).toHaveText(`Delete ${RW}/${renamed}?`);
    await expectAccessible(page, "the delete confirmation of a directory group", "dialog");
    await dialog.getByRole("button", { name: "Delete role" }).click();
    await expect(page.getByText(`Role ${RW}/${renamed} deleted.`)).toBeVisible();
    expect(directoryGroups().has(renamed)).toBe(false);
    expect(await db.role.count({ where: { store: { domain: RW }, name: { in: [team, renamed] } } })).toBe(0);
  },
);

storesTest("a read-only store's group create and delete, posted directly, are refused and change nothing", async ({ page, db }) => {
  const roGroup = await db.role.findFirstOrThrow({ where: { store: { domain: RO }, name: "developers" } });

  await page.goto("/roles/new");
  await page.getByLabel("Domain", { exact: true }).selectOption(RW);
  await page.getByLabel("Role Name").fill(`${tag}-forged`);
  await nextToReview(page);
  const create = await captureAction(page, () => page.getByRole("button", { name: "Finish" }).click());
  const created = await replayAction(page, create, withField(create, "domain", RO));
  expect(created.text).toContain(`The ${RO} user store is read-only.`);

  await page.goto(`/roles?q=${RW}/developers`);
  await chooseRowAction(roleRow(page, `${RW}/developers`), /^Delete/);
  const remove = await captureAction(page, () => page.getByRole("dialog").getByRole("button", { name: "Delete role" }).click());
  const forged = withField({ ...remove, body: withField(remove, "id", String(roGroup.id)) }, "version", String(roGroup.version));
  const deleted = await replayAction(page, remove, forged);
  expect(deleted.text).toContain(`${RO}/developers is in a read-only user store.`);

  expect(directoryGroups().has(`${tag}-forged`)).toBe(false);
  expect(directoryGroups().has("developers")).toBe(true);
  expect(await db.role.findUniqueOrThrow({ where: { id: roGroup.id } })).toMatchObject({ version: roGroup.version });
  expect(await db.role.count({ where: { name: `${tag}-forged` } })).toBe(0);
});
