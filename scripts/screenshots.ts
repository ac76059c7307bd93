// Screenshots of the console's main pages for the README, in both themes, at desktop width and at
// 390 px, written to docs/screenshots/<page>-<theme>-<width>.png.
//
//   PORT=3100 node scripts/e2e-server.mjs &      # an e2e server (fresh SQLite in data/e2e)
//   npm run screenshots -- [--url http://127.0.0.1:3100]
//
// It seeds a few readable users into that server's database (data/e2e, as the e2e specs do) and an
// admin to sign in as, over next-auth's credentials flow (e2e/support/auth.ts), then opens each page.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "../e2e/support/chromium.ts";
import { e2eDb, seedUser, TEST_PASSWORD } from "../e2e/support/db.ts";
import { superTenantId } from "../testing/seed.ts";
import { usernameColumns } from "../lib/stores/look-alike.ts";

const { values: args } = parseArgs({
  options: { url: { type: "string", default: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` } },
});
const OUT = path.resolve("docs/screenshots");
const ADMIN = "jordan.admin";
const PEOPLE: [string, string[]][] = [
  ["alice.wong", ["Internal/creator", "Internal/publisher"]],
  ["bob.smith", ["Internal/subscriber"]],
  ["carol.smithers", ["Internal/devops", "Internal/analytics"]],
  ["dave.okafor", ["Internal/subscriber"]],
];
const PAGES = [
  { name: "users", path: "/users" },
  { name: "roles", path: "/roles" },
  { name: "new-role", path: "/roles/new" },
  { name: "scope-matrix", path: "/settings/role-permissions/matrix" },
];
const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "390", width: 390, height: 844 },
];

/** Idempotent: a second run against the same server finds the users already there. */
async function seed() {
  const db = e2eDb();
  if (!(await db.user.findFirst({ where: { username: ADMIN } }))) await seedUser(db, { username: ADMIN, admin: true });
  const tenantId = await superTenantId(db);
  const primary = await db.userStore.findFirstOrThrow({ where: { tenantId, domain: "PRIMARY" } });
  for (const [username, roles] of PEOPLE) {
    if (await db.user.findFirst({ where: { tenantId, username } })) continue;
    const names = roles.map((r) => r.replace("Internal/", ""));
    const roleIds = await db.role.findMany({ where: { tenantId, name: { in: names }, store: { domain: "Internal" } } });
    await db.user.create({
      data: {
        tenantId,
        storeId: primary.id,
        ...usernameColumns(username),
        passwordHash: "not-usable",
        memberships: { create: roleIds.map((r) => ({ roleId: r.id })) },
      },
    });
  }
}

async function signIn(page: Page) {
  const { csrfToken } = (await (await page.request.get(`${args.url}/api/auth/csrf`)).json()) as { csrfToken: string };
  const answer = await page.request.post(`${args.url}/api/auth/callback/credentials`, {
    form: { csrfToken, username: ADMIN, password: TEST_PASSWORD, json: "true" },
  });
  const { url } = (await answer.json()) as { url: string };
  if (new URL(url).searchParams.get("error")) throw new Error(`Could not sign in as ${ADMIN}: ${url}`);
}

async function main() {
  const up = await fetch(`${args.url}/login`).catch(() => undefined);
  if (!up?.ok) throw new Error(`No Gatehouse answers at ${args.url}; start one with PORT=3100 node scripts/e2e-server.mjs`);
  await seed();
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    for (const theme of ["light", "dark"] as const) {
      for (const size of SIZES) {
        const context = await browser.newContext({ viewport: size, colorScheme: theme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await signIn(page);
        for (const { name, path: route } of PAGES) {
          await page.goto(`${args.url}${route}`);
          await page.getByRole("heading", { level: 1 }).first().waitFor();
          const file = path.join(OUT, `${name}-${theme}-${size.name}.png`);
          await page.screenshot({ path: file, fullPage: size.name === "390" });
          console.log(path.relative(process.cwd(), file));
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
process.exit(0);
