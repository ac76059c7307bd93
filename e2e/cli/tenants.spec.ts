import { EXIT } from "../../lib/cli/exit-codes.ts";
import { expect, test, type Cli } from "./support/cli.ts";
import { seedAdmin, unique } from "./support/people.ts";

// The super tenant's admin manages tenants through /api/server/v1/tenants; a tenant's admin
// logs in as name@tenant (environment "acme", the same server) and acts in its tenant only.
const PASSWORD = "Cli-tenant-password-1";
const rows = (stdout: string) =>
  stdout
    .trimEnd()
    .split("\n")
    .map((line) => line.split(/ {2,}/));

const newDomain = () => `${unique("acme-")}.test`;
const ownerFlags = (domain: string) => ["-u", "boss", "--first-name", "Ada", "--last-name", "Boss", "--email", `boss@${domain}`];

/** The super tenant's admin logged in on "t", and environment "acme" for a tenant's admin. */
async function superAdmin(cli: Cli, server: { url: string; db: Parameters<typeof seedAdmin>[0] }): Promise<void> {
  const root = await seedAdmin(server.db);
  await cli.login(root.username, root.password);
  expect(await cli.run(["add", "env", "acme", "--url", server.url])).toMatchObject({ code: 0 });
}

test("the super tenant's admin adds, lists and shows tenants; bad input and unknown domains are refused", async ({ cli, server }) => {
  test.slow(); // some 15 runs of the binary, and tenant provisioning
  await superAdmin(cli, server);
  const domain = newDomain();
  const added = await cli.run(["add", "tenant", domain, ...ownerFlags(domain), "--password-stdin", "--format", "json", "-e", "t"], {
    input: `${PASSWORD}\n`,
  });
  expect(added.code, added.stderr).toBe(0);
  expect(JSON.parse(added.stdout)).toMatchObject({ domain, owners: [{ username: "boss" }], lifecycleStatus: { activated: true } });
  expect(
    await cli.run(["add", "tenant", domain, ...ownerFlags(domain), "--password-stdin", "-e", "t"], { input: `${PASSWORD}\n` }),
  ).toMatchObject({
    code: EXIT.rejected,
    stderr: expect.stringContaining("already exists"),
  });
  expect(
    await cli.run(["add", "tenant", "nodot", ...ownerFlags("x.test"), "--password-stdin", "-e", "t"], { input: `${PASSWORD}\n` }),
  ).toMatchObject({
    code: EXIT.rejected,
    stderr: expect.stringContaining("needs an extension"),
  });

  // A second tenant, so that pages of one take more than one request.
  const second = newDomain();
  expect(
    await cli.run(["add", "tenant", second, ...ownerFlags(second), "--password-stdin", "-e", "t"], { input: `${PASSWORD}\n` }),
  ).toMatchObject({ code: 0, stdout: `Tenant ${second} added; its admin signs in as boss@${second}.\n` });

  const table = await cli.run(["get", "tenants", "-e", "t", "--page-size", "1"]);
  expect(table.code, table.stderr).toBe(0);
  expect(rows(table.stdout)[0]).toEqual(["DOMAIN", "STATUS", "ADMIN", "CREATED"]);
  expect(rows(table.stdout)).toContainEqual([domain, "active", "boss", expect.stringMatching(/^\d{4}-\d\d-\d\dT/)]);
  const json = JSON.parse((await cli.run(["get", "tenants", "-e", "t", "--format", "json"])).stdout);
  expect(json).toMatchObject({ truncated: false, count: json.list.length });
  expect(json.list.map((t: { domain: string }) => t.domain)).toContain(domain);
  expect(json.list.map((t: { domain: string }) => t.domain)).not.toContain("carbon.super");
  expect((await cli.run(["get", "tenants", domain.toUpperCase(), "-e", "t"])).stdout).toMatch(
    new RegExp(`^Domain\\s+${domain.replace(/\./g, "\\.")}\\nID\\s+\\d+\\nStatus\\s+active\\nAdmin\\s+boss\\nCreated\\s+\\S+\\n$`),
  );
  // Paging by one follows the `next` links and says when --limit cut the list.
  expect(rows(table.stdout).map((row) => row[0])).toContain(second);
  const cut = await cli.run(["get", "tenants", "-e", "t", "--limit", "1", "--page-size", "1", "--format", "json"]);
  expect(cut).toMatchObject({ code: 0, stderr: "Showing the first 1 tenants; there are more. Raise --limit.\n" });
  expect(JSON.parse(cut.stdout)).toMatchObject({ count: 1, truncated: true });
  expect(await cli.run(["get", "tenants", "no-such-tenant.test", "-e", "t"])).toMatchObject({
    code: EXIT.notFound,
    stderr: "Error: There is no tenant no-such-tenant.test. See: gatehouse get tenants\n",
  });
});

test("a tenant's admin logs in as name@tenant, acts in that tenant only, and may not manage tenants", async ({ cli, server }) => {
  test.slow(); // some 20 runs of the binary, and tenant provisioning
  await superAdmin(cli, server);
  const domain = newDomain();
  const added = await cli.run(["add", "tenant", domain, ...ownerFlags(domain), "--password-stdin", "-e", "t"], { input: `${PASSWORD}\n` });
  expect(added.code, added.stderr).toBe(0);
  // A role of the super tenant, which the tenant's admin must never see.
  const outsiderRole = unique("super_only_");
  expect(await cli.run(["add", "role", outsiderRole, "-e", "t"])).toMatchObject({ code: 0 });

  const login = await cli.run(["login", "acme", "-u", `boss@${domain}`, "--password-stdin"], { input: `${PASSWORD}\n` });
  expect(login, login.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining(`as boss@${domain} in tenant ${domain};`) });
  expect(cli.credentials().acme).toMatchObject({ username: `boss@${domain}`, tenant: domain });
  expect((await cli.run(["get", "envs"])).stdout).toMatch(
    new RegExp(`acme\\s+\\S+\\s+boss@${domain.replace(/\./g, "\\.")}\\s+${domain.replace(/\./g, "\\.")}`),
  );
  const users = await cli.run(["get", "users", "-e", "acme", "--format", "json"]);
  expect(users.code, users.stderr).toBe(0);
  expect(JSON.parse(users.stdout)).toMatchObject({ count: 1, list: [{ userId: "boss", domain: "PRIMARY" }] });
  expect(JSON.parse((await cli.run(["get", "roles", "-e", "acme", "-p", outsiderRole, "--format", "json"])).stdout)).toMatchObject({
    count: 0,
  });

  // Every tenant command is the super tenant's: the tenant's admin gets "forbidden" (exit 4).
  for (const args of [
    ["get", "tenants"],
    ["get", "tenants", domain],
    ["deactivate", "tenant", domain],
    ["delete", "tenant", domain, "--yes"],
  ]) {
    expect(await cli.run([...args, "-e", "acme"]), args.join(" ")).toMatchObject({
      code: EXIT.forbidden,
      stderr: expect.stringMatching(/^Error: You do not have permission to view tenants\.\n$/),
    });
  }
  const other = newDomain();
  expect(
    await cli.run(["add", "tenant", other, ...ownerFlags(other), "--password-stdin", "-e", "acme"], { input: `${PASSWORD}\n` }),
  ).toMatchObject({
    code: EXIT.forbidden,
  });
  // Posted directly with the tenant admin's own token, the addition is refused too.
  const direct = await fetch(`${server.url}/api/server/v1/tenants`, {
    method: "POST",
    headers: { authorization: `Bearer ${cli.credentials().acme!.token}`, "content-type": "application/json" },
    body: JSON.stringify({
      domain: other,
      owners: [{ username: "boss", password: PASSWORD, email: `boss@${other}`, firstname: "A", lastname: "B" }],
    }),
  });
  expect(direct.status).toBe(403);
  expect(await cli.run(["get", "tenants", other, "-e", "t"])).toMatchObject({ code: EXIT.notFound });
});

test("deactivating a tenant ends its admin's stored login, activating lets it log in again; delete asks first", async ({ cli, server }) => {
  test.slow(); // some 15 runs of the binary, and tenant provisioning
  await superAdmin(cli, server);
  const domain = newDomain();
  const prompted = await cli.interactive(
    ["add", "tenant", domain, "-e", "t"],
    [
      ["Admin username:", "boss"],
      ["Admin's first name:", "Ada"],
      ["Admin's last name:", "Boss"],
      ["Admin's email:", `boss@${domain}`],
      ["Admin's password:", PASSWORD],
      ["Confirm the admin's password:", PASSWORD],
    ],
  );
  expect(prompted.code, prompted.stdout).toBe(0);
  expect(prompted.stdout).toContain(`Tenant ${domain} added; its admin signs in as boss@${domain}.`);
  expect(prompted.stdout).not.toContain(PASSWORD);
  await cli.login(`boss@${domain}`, PASSWORD, "acme");
  expect(await cli.run(["get", "users", "-e", "acme"])).toMatchObject({ code: 0 });

  expect(await cli.run(["delete", "tenant", domain, "--yes", "-e", "t"])).toMatchObject({
    code: EXIT.rejected,
    stderr: expect.stringContaining(`Deactivate it first: gatehouse deactivate tenant ${domain}`),
  });
  expect(await cli.run(["deactivate", "tenant", domain, "-e", "t"])).toMatchObject({
    code: 0,
    stdout: `Tenant ${domain} deactivated; its users can no longer sign in, and their sessions and tokens were ended.\n`,
  });
  expect(await cli.run(["deactivate", "tenant", domain, "-e", "t"])).toMatchObject({
    code: 0,
    stdout: `Tenant ${domain} is already deactivated.\n`,
  });
  expect(JSON.parse((await cli.run(["get", "tenants", domain, "-e", "t", "--format", "json"])).stdout)).toMatchObject({
    lifecycleStatus: { activated: false },
  });
  expect(await cli.run(["get", "users", "-e", "acme"])).toMatchObject({
    code: EXIT.notAuthenticated,
    stderr: expect.stringContaining("gatehouse login acme"),
  });
  expect(await cli.run(["login", "acme", "-u", `boss@${domain}`, "--password-stdin"], { input: `${PASSWORD}\n` })).toMatchObject({
    code: EXIT.notAuthenticated,
  });

  expect(await cli.run(["activate", "tenant", domain, "-e", "t", "--format", "json"])).toMatchObject({ code: 0 });
  await cli.login(`boss@${domain}`, PASSWORD, "acme");
  expect(JSON.parse((await cli.run(["get", "users", "-e", "acme", "--format", "json"])).stdout)).toMatchObject({ count: 1 });

  // Deletion takes a deactivated tenant, and only on an explicit yes.
  expect(await cli.run(["deactivate", "tenant", domain, "-e", "t"])).toMatchObject({ code: 0 });
  expect(await cli.run(["delete", "tenant", domain, "-e", "t"], { input: "n\n" })).toMatchObject({
    code: EXIT.usage,
    stderr: expect.stringContaining("nothing was deleted"),
  });
  expect(await cli.run(["get", "tenants", domain, "-e", "t"])).toMatchObject({ code: 0 });
  expect(await cli.run(["delete", "tenant", domain, "-e", "t", "--yes"])).toMatchObject({ code: 0, stdout: `Tenant ${domain} deleted.\n` });
  expect(await cli.run(["get", "tenants", domain, "-e", "t"])).toMatchObject({ code: EXIT.notFound });
  expect(await cli.run(["activate", "tenant", domain, "-e", "t"])).toMatchObject({ code: EXIT.notFound });
});
