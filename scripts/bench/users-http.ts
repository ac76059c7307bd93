// The HTTP section of `npm run bench:users`: each /users case (and the roles list) fetched
// sequentially from the production console and from the bare server on the same database,
// p50/p95 from sending the request to the last byte of the page.
import type { Db } from "../../lib/db/client.ts";
import type { DbTarget } from "../../lib/db/target.ts";
import { adminCookies, comparePages } from "./http.ts";

export type HttpOptions = { port: number; workers: number; repeat: number; deep: string; exact: string; ldap: string };

export async function httpSection(kind: string, target: DbTarget, client: Db, tenantId: number, o: HttpOptions): Promise<void> {
  const [cookie] = await adminCookies(client, tenantId, 1);
  const cases: [name: string, path: string][] = [
    ["users: first page", "/users"],
    ["users: page 51 (keyset cursor)", `/users?after=${encodeURIComponent(o.deep)}`],
    ["users: page 50 backwards", `/users?before=${encodeURIComponent(o.deep)}`],
    ["users: prefix dev*", "/users?q=dev*"],
    ["users: infix *ops*", "/users?q=*ops*"],
    ["users: suffix *99999", "/users?q=*99999"],
    [`users: exact ${o.exact}`, `/users?q=${encodeURIComponent(o.exact)}`],
    ["users: sort by domain", "/users?sort=domain"],
    [`users: domain ${o.ldap}`, `/users?domain=${o.ldap}`],
    ["users: claim *@acme.com", `/users?claim=${encodeURIComponent("http://wso2.org/claims/emailaddress")}&value=*%40acme.com`],
    ["roles: first page", "/roles"],
  ];
  await comparePages(
    target,
    o,
    kind,
    cases.map(([name, path]) => ({ name, path, cookie: cookie! })),
  );
}
