// The HTTP section of `bench:users -- --tenants`: the super admin's /tenants page and a tenant
// admin's /users page from the production console, each beside the bare server on the same
// database (scripts/bench/bare-server.ts), as scripts/bench/users-http.ts does for one tenant.
import type { Db } from "../../lib/db/client.ts";
import type { DbTarget } from "../../lib/db/target.ts";
import { BENCH_PASSWORD } from "../bench-support.ts";
import { adminCookies, comparePages, signedInCookie } from "./http.ts";

export type TenantsHttpOptions = { superTenantId: number; domain: string; port: number; workers: number; repeat: number };

export async function tenantsHttpSection(kind: string, target: DbTarget, client: Db, o: TenantsHttpOptions): Promise<void> {
  const [superAdmin] = await adminCookies(client, o.superTenantId, 1);
  // The tenant's provisioned admin signs in as `admin@<domain>` with the seed's password (tenants-data.ts).
  const tenantAdmin = await signedInCookie(client, `admin@${o.domain}`, BENCH_PASSWORD);
  await comparePages(target, o, kind, [
    { name: "super admin: /tenants", path: "/tenants", cookie: superAdmin! },
    { name: "super admin: /tenants page 21", path: "/tenants?page=21", cookie: superAdmin! },
    { name: "super admin: /tenants search 42", path: "/tenants?q=42", cookie: superAdmin! },
    { name: "super admin: /tenants by created", path: "/tenants?sort=created", cookie: superAdmin! },
    { name: `admin@${o.domain}: /users`, path: "/users", cookie: tenantAdmin },
    // The console's search text is a contains-search; the bare server reads `q` as WSO2's pattern.
    { name: `admin@${o.domain}: /users search ops`, path: "/users?q=ops", cookie: tenantAdmin, bare: "/users?q=*ops*" },
  ]);
}
