/**
 * Issue #15's isolation matrix through the console, signed in once as tenant A's admin: every page
 * with an id or name in its address answers B's exactly as a nonexistent one; lists searched for
 * B's names show what they show for a name nobody has; and A's own forms, posted with B's id in the
 * hidden field, answer as for a missing id and leave B's rows as they were. Pairs with
 * app/tenant-isolation-*.test.ts (REST); testing/isolation-coverage.ts lists what this covers.
 */
import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createRoleCommand } from "../lib/roles/commands.ts";
import { createUserCommand } from "../lib/users/commands.ts";
import { actorFor } from "../testing/actor.ts";
import { coveredBy } from "../testing/isolation-coverage.ts";
import { signIn } from "./support/auth.ts";
import { e2eDb, seedTenant } from "./support/db.ts";

const PASSWORD = "the isolation admin's password";
const MISSING = 987_654;
const hex = crypto.randomBytes(4).toString("hex");
const A = `iso-a-${hex}.test`;
const B = `iso-b-${hex}.test`;

type Side = { tenantId: number; alice: number; editors: number; store: number };

async function populate(domain: string, only?: string): Promise<Side> {
  const db = e2eDb();
  const tenantId = await seedTenant(db, { domain, adminUsername: "boss", password: PASSWORD });
  const boss = await db.user.findFirstOrThrow({ where: { tenantId, username: "boss" } });
  const actor = await actorFor(db, boss.id);
  const role = (name: string) =>
    createRoleCommand.run(db, actor, createRoleCommand.input.parse({ domain: "PRIMARY", name, permissions: [], userIds: [] }));
  const user = (username: string, roleIds: number[]) =>
    createUserCommand.run(
      db,
      actor,
      createUserCommand.input.parse({ domain: "PRIMARY", username, password: PASSWORD, roleIds }),
    ) as Promise<{ id: number }>;
  const editors = await role("editors");
  const alice = await user("alice", [editors.id]);
  if (only) await user(`${only}user`, [(await role(`${only}-role`)).id]);
  const store = await db.userStore.findFirstOrThrow({ where: { tenantId, domain: "PRIMARY" } });
  return { tenantId, alice: alice.id, editors: editors.id, store: store.id };
}

/** What the page tells: the HTTP status and the main region's text, names and numbers blanked. */
async function shown(page: Page, path: string, names: string[]): Promise<string> {
  const response = await page.goto(path);
  let text = await page.locator("main").innerText();
  for (const name of names) text = text.replaceAll(name, "<name>");
  return `${response?.status()} ${text.replace(/\d+/g, "#")}`;
}

/** B's tenant as the database holds it: what a forged post must not change. */
async function snapshot(tenantId: number) {
  const db = e2eDb();
  const [users, roles, memberships, tenant] = await Promise.all([
    db.user.findMany({
      where: { tenantId },
      orderBy: { id: "asc" },
      select: { id: true, username: true, version: true, disabledAt: true, passwordHash: true },
    }),
    db.role.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { id: true, name: true, version: true } }),
    db.membership.findMany({ where: { user: { tenantId } }, orderBy: [{ userId: "asc" }, { roleId: "asc" }] }),
    db.tenant.findUniqueOrThrow({ where: { id: tenantId } }),
  ]);
  return { users, roles, memberships, tenant };
}

// Pages with B's id in the address; `{id}` is replaced by B's object's id or by a missing one.
const byId: [string, keyof Omit<Side, "tenantId"> | "tenant"][] = [
  ["users/[id]", "alice"],
  ["users/[id]/events", "alice"],
  ["users/[id]/password", "alice"],
  ["users/[id]/permissions", "alice"],
  ["users/[id]/profile", "alice"],
  ["users/[id]/roles", "alice"],
  ["users/[id]/sessions", "alice"],
  ["roles/[id]", "editors"],
  ["roles/[id]/permissions", "editors"],
  ["roles/[id]/rename", "editors"],
  ["roles/[id]/users", "editors"],
  ["settings/user-stores/[id]", "store"],
  ["settings/user-stores/[id]/delete", "store"],
  ["tenants/[id]/edit", "tenant"],
  ["tenants/[id]/delete", "tenant"],
];
// Pages naming B's role, and lists searched for B's names.
const byName: [string, (name: string) => string, string, string][] = [
  ["settings/role-permissions/edit", (n) => `/settings/role-permissions/edit?role=${n}`, "only-b-role", "only-z-role"],
  ["settings/role-permissions/view", (n) => `/settings/role-permissions/view?role=${n}`, "only-b-role", "only-z-role"],
  ["users", (n) => `/users?q=${n}`, "only-buser", "only-zuser"],
  ["roles", (n) => `/roles?q=${n}`, "only-b-role", "only-z-role"],
  ["sessions", (n) => `/sessions?user=${n}`, "only-buser", "only-zuser"],
  ["audit", (n) => `/audit?q=${n}`, "only-buser", "only-zuser"],
  ["settings/role-permissions", (n) => `/settings/role-permissions?q=${n}`, "only-b-role", "only-z-role"],
  ["settings/user-stores", (n) => `/settings/user-stores?q=${n}`, "only-b", "only-z"],
  ["tenants", (n) => `/tenants?q=${n}`, B, "nowhere.test"],
];
// A's own forms, their hidden id set to B's object: [action key, A's page, submit button, the object].
const forged: [string, string, string, "alice" | "editors"][] = [
  ["users/[id]/actions.ts#updateProfileAction", "/users/{id}/profile", "Save profile", "alice"],
  ["users/[id]/actions.ts#resetPasswordAction", "/users/{id}/password", "", "alice"],
  ["roles/[id]/actions.ts#renameRoleAction", "/roles/{id}/rename", "Rename", "editors"],
];

test.describe.configure({ mode: "serial" });

test.describe("tenant A's admin against tenant B in the console", () => {
  let page: Page;
  let a: Side;
  let b: Side;

  test.beforeAll(async ({ browser }) => {
    a = await populate(A);
    b = await populate(B, "only-b");
    page = await browser.newPage();
    await signIn(page, `boss@${A}`, PASSWORD);
  });
  test.afterAll(() => page.close());

  test("covers the pages and actions testing/isolation-coverage.ts gives it", () => {
    const mine = [
      ...byId.map(([p]) => `app/(console)/${p}/page.tsx`),
      ...byName.map(([p]) => `app/(console)/${p}/page.tsx`),
      ...forged.map(([k]) => `app/(console)/${k}`),
    ];
    expect([...new Set(mine)].sort()).toEqual(coveredBy("e2e/tenant-isolation.spec.ts"));
  });

  test("every page with B's id in its address answers as a missing id", async () => {
    for (const [template, object] of byId) {
      const id = object === "tenant" ? b.tenantId : b[object];
      const path = (x: number) => `/${template.replace("[id]", String(x))}`;
      const forB = await shown(page, path(id), [String(id)]);
      expect(forB, template).toBe(await shown(page, path(MISSING), [String(MISSING)]));
      expect(forB, template).toMatch(/^(403|404) /);
    }
  });

  test("pages naming B's role, and lists searched for B's names, show what a name nobody has shows", async () => {
    for (const [template, path, forB, missing] of byName) {
      expect(await shown(page, path(forB), [forB]), template).toBe(await shown(page, path(missing), [missing]));
    }
  });

  test("A's own forms posted with B's id answer as a missing id, and B is unchanged", async () => {
    const before = await snapshot(b.tenantId);
    for (const [key, template, button, object] of forged) {
      const answers: string[] = [];
      for (const target of [b[object], MISSING]) {
        await page.goto(template.replace("{id}", String(a[object])));
        await page.locator('form input[type="hidden"][name="id"]').evaluate((input, value) => {
          (input as HTMLInputElement).value = value;
        }, String(target));
        const form = page.locator("form", { has: page.locator('input[type="hidden"][name="id"]') });
        if (key.endsWith("resetPasswordAction")) {
          for (const field of await form.locator('input[type="password"]').all()) await field.fill(`${PASSWORD} again`);
        }
        await (button ? form.getByRole("button", { name: button }) : form.locator('button[type="submit"]')).click();
        const alert = form.getByRole("alert");
        await expect(alert, key).toBeVisible();
        answers.push((await alert.innerText()).replace(/\d+/g, "#"));
      }
      expect(answers[0], key).toBe(answers[1]);
      expect(answers[0], key).toMatch(/does not exist|not found/i);
    }
    expect(await snapshot(b.tenantId)).toEqual(before);
  });
});
