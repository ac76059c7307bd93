import crypto from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2eDb, seedTenant, seedUser } from "./support/db.ts";

const PASSWORD = "the tenant admin's own password";
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
type Scope = { name: string; roles: string[] };

async function managementToken(request: APIRequestContext, user: string, password: string) {
  const login = await request.get("/management/login", { headers: { authorization: basic(user, password) } });
  expect(login.status()).toBe(200);
  return { authorization: `Bearer ${((await login.json()) as { AccessToken: string }).AccessToken}` };
}

test("WSO2's /t/{tenant}/ addresses act in the caller's own tenant; any other tenant's address is refused", async ({ request }) => {
  const domain = `paths-${crypto.randomBytes(4).toString("hex")}.test`;
  await seedTenant(e2eDb(), { domain, adminUsername: "admin", password: PASSWORD });
  const tenantAdmin = await managementToken(request, `admin@${domain}`, PASSWORD);
  const root = await seedUser(e2eDb(), { admin: true });
  const superAdmin = await managementToken(request, root.username, root.password);
  const scopes = async (path: string, headers: Record<string, string>) => {
    const response = await request.get(path, { headers });
    expect(response.status(), path).toBe(200);
    return response;
  };

  // The tenant's scope mapping, by the tenant's address and by the token's tenant alone.
  const own = await scopes(`/t/${domain}/api/am/admin/v4/system-scopes`, tenantAdmin);
  const list = ((await own.json()) as { list: Scope[] }).list;
  expect(list).toEqual(((await (await scopes("/api/am/admin/v4/system-scopes", tenantAdmin)).json()) as { list: Scope[] }).list);

  // A change made through the tenant's address lands in the tenant only.
  const changed = list[0]!;
  const put = await request.put(`/t/${domain.toUpperCase()}/api/am/admin/v4/system-scopes`, {
    headers: { ...tenantAdmin, "if-match": own.headers()["etag"] ?? "" },
    data: { list: [{ name: changed.name, roles: [...changed.roles, "Internal/everyone"] }] },
  });
  expect(put.status()).toBe(200);
  const inTenant = ((await (await scopes(`/t/${domain}/api/am/admin/v4/system-scopes`, tenantAdmin)).json()) as { list: Scope[] }).list;
  expect(inTenant.find((s) => s.name === changed.name)?.roles).toContain("Internal/everyone");
  const inSuper = ((await (await scopes("/t/carbon.super/api/am/admin/v4/system-scopes", superAdmin)).json()) as { list: Scope[] }).list;
  expect(inSuper.find((s) => s.name === changed.name)?.roles ?? []).not.toContain("Internal/everyone");

  // Another tenant's address and an unknown tenant's answer alike: 401, nothing read.
  for (const [path, headers] of [
    ["/t/carbon.super/api/am/admin/v4/system-scopes", tenantAdmin],
    [`/t/${domain}/api/am/admin/v4/system-scopes`, superAdmin],
    ["/t/nobody.test/api/am/admin/v4/system-scopes", tenantAdmin],
  ] as const) {
    const refused = await request.get(path, { headers });
    expect(refused.status(), path).toBe(401);
    expect(await refused.text()).not.toContain(changed.name);
  }
  // The header that carries the address's tenant only narrows: sent by a client, it refuses the same way.
  const forged = await request.get("/api/am/admin/v4/system-scopes", { headers: { ...superAdmin, "x-gatehouse-path-tenant": domain } });
  expect(forged.status()).toBe(401);
  // Only the WSO2 APIs served per tenant take the form.
  expect((await request.get(`/t/${domain}/management/users`, { headers: tenantAdmin })).status()).toBe(404);
});
