import fs from "node:fs";
import path from "node:path";
import { EXIT } from "../../lib/cli/exit-codes.ts";
import { expect, test, type Cli } from "./support/cli.ts";
import type { CliServer } from "./support/server.ts";
import { seedAdmin, seedViewer } from "./support/people.ts";

/** Every leaf command, found by walking the real binary's own help output. */
async function leafCommands(cli: Cli, prefix: string[] = []): Promise<string[]> {
  const help = await cli.run([...prefix, "--help"]);
  expect(help.code, help.stderr).toBe(0);
  expect(help.stdout).toContain(`Usage: gatehouse ${prefix.join(" ")}`.trimEnd());
  const section = help.stdout.split("Commands:\n")[1]?.split("\n\n")[0];
  if (!section) return [prefix.join(" ")];
  const names = [...section.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!).filter((name) => name !== "help");
  return (await Promise.all(names.map((name) => leafCommands(cli, [...prefix, name])))).flat();
}

/** The commands docs/cli.md's command table documents: each backticked usage up to its first argument. */
function documentedCommands(): string[] {
  const doc = fs.readFileSync("docs/cli.md", "utf8");
  const table = doc.split("| Command | Does | apictl equivalent |")[1]!.split("\n\n")[0]!;
  const firstCells = [...table.matchAll(/^\| (.+?) \| /gm)].map((m) => m[1]!).filter((cell) => cell.startsWith("`"));
  return firstCells.flatMap((cell) =>
    [...cell.matchAll(/`([^`]+)`/g)].map((m) => {
      const words = m[1]!.split(" ");
      const firstArgument = words.findIndex((word) => !/^[a-z]+$/.test(word));
      return words.slice(0, firstArgument === -1 ? undefined : firstArgument).join(" ");
    }),
  );
}

test("every command answers --help, and the set of commands is the one docs/cli.md documents", async ({ cli }) => {
  const commands = await leafCommands(cli);
  const documented = documentedCommands();
  expect(documented).toContain("update password");
  expect(commands.sort()).toEqual(documented.sort());
  const unknown = await cli.run(["get", "userz"]);
  expect(unknown.code).toBe(EXIT.usage);
  expect(unknown.stderr).toContain("unknown command 'userz'");
  const badFormat = await cli.run(["get", "users", "--format", "xml"]);
  expect(badFormat.code).toBe(EXIT.usage);
  expect(badFormat.stderr).toContain("Allowed choices are table, json");
});

test("environments are named server URLs; bad names and URLs are refused", async ({ cli, server }) => {
  expect(await cli.run(["add", "env", "prod", "--url", "https://gatehouse.example.com/"])).toMatchObject({ code: 0, stderr: "" });
  const list = await cli.run(["get", "envs", "--format", "json"]);
  expect(JSON.parse(list.stdout)).toEqual({
    count: 2,
    list: [
      { name: "t", url: server.url, loggedInAs: null, tenant: null },
      { name: "prod", url: "https://gatehouse.example.com", loggedInAs: null, tenant: null },
    ],
  });
  const table = await cli.run(["get", "envs"]);
  expect(table.stdout).toMatch(
    /^NAME\s+URL\s+LOGGED IN AS\s+TENANT\nt\s+http:\/\/127\.0\.0\.1:\d+\s+-\s+-\nprod\s+https:\/\/gatehouse\.example\.com\s+-\s+-\n$/,
  );

  const cleartext = await cli.run(["add", "env", "far", "--url", "http://gatehouse.example.com"]);
  expect(cleartext).toMatchObject({ code: 0, stderr: expect.stringContaining("passwords and tokens cross the network unencrypted") });
  expect(await cli.run(["delete", "env", "far"])).toMatchObject({ code: 0 });
  const withSecret = await cli.run(["add", "env", "x", "--url", "https://user:secret@example.com/?a=1"]);
  expect(withSecret).toMatchObject({ code: EXIT.usage, stderr: expect.stringContaining("base URL only") });
  const badUrl = await cli.run(["add", "env", "x", "--url", "ftp://example.com"]);
  expect(badUrl).toMatchObject({ code: EXIT.usage, stderr: expect.stringContaining("must start with http:// or https://") });
  const badName = await cli.run(["add", "env", "../etc", "--url", "https://example.com"]);
  expect(badName).toMatchObject({ code: EXIT.usage, stderr: expect.stringContaining("An environment name is") });

  // With two environments, a command must say which; -e chooses, an unknown one is not found.
  expect(await cli.run(["get", "users"])).toMatchObject({ code: EXIT.usage, stderr: expect.stringContaining("configured: t, prod") });
  expect(await cli.run(["get", "users", "-e", "staging"])).toMatchObject({
    code: EXIT.notFound,
    stderr: expect.stringContaining('no environment "staging"'),
  });
  expect(await cli.run(["get", "users", "-e", "t"])).toMatchObject({
    code: EXIT.notAuthenticated,
    stderr: expect.stringContaining("gatehouse login t"),
  });

  expect(await cli.run(["delete", "env", "prod"])).toMatchObject({ code: 0 });
  expect(await cli.run(["delete", "env", "prod"])).toMatchObject({ code: EXIT.notFound });
  expect(JSON.parse((await cli.run(["get", "envs", "--format", "json"])).stdout).count).toBe(1);
});

test("login stores the token in a 0600 file and never prints it", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  const login = await cli.run(["login", "t", "-u", admin.username, "--password-stdin"], { input: `${admin.password}\n` });
  expect(login.code, login.stderr).toBe(0);
  expect(login.stdout).toContain(`Logged in to "t" as ${admin.username} in tenant carbon.super`);
  const { token } = cli.credentials().t!;
  expect(token).toMatch(/^gh1\./);
  expect(login.stdout + login.stderr).not.toContain(token);
  expect(fs.statSync(cli.credentialsFile()).mode & 0o777).toBe(0o600);
  expect(fs.statSync(path.dirname(cli.credentialsFile())).mode & 0o777).toBe(0o700);

  const users = await cli.run(["get", "users", "-p", admin.username, "--format", "json"]);
  expect(users.code, users.stderr).toBe(0);
  expect(JSON.parse(users.stdout)).toEqual({
    count: 1,
    list: [{ userId: admin.username, domain: "PRIMARY", roles: expect.arrayContaining(["admin"]) }],
    truncated: false,
  });
  expect(users.stdout + users.stderr).not.toContain(token);
  expect((await cli.run(["get", "envs"])).stdout).toMatch(new RegExp(`t\\s+\\S+\\s+${admin.username}\\s+carbon\\.super`));

  // Re-pointing the environment drops its token: it must never reach another server.
  expect(await cli.run(["add", "env", "t", "--url", "http://127.0.0.1:9"])).toMatchObject({ code: 0 });
  expect(cli.credentials().t).toBeUndefined();
  expect(await cli.run(["add", "env", "t", "--url", server.url])).toMatchObject({ code: 0 });

  // Without a terminal and without flags, the username and password are the first two lines of stdin.
  fs.rmSync(cli.credentialsFile());
  expect(await cli.run(["login", "t"], { input: `${admin.username}\n${admin.password}\n` })).toMatchObject({ code: 0 });
  expect(cli.credentials().t?.username).toBe(admin.username);
});

test("login prompts for the username and a masked password in a terminal", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  const run = await cli.interactive(
    ["login", "t"],
    [
      ["Username:", admin.username],
      ["Password:", admin.password],
    ],
  );
  expect(run.code, run.stdout).toBe(0);
  expect(run.stdout).toContain(`Logged in to "t" as ${admin.username}`);
  expect(run.stdout).not.toContain(admin.password);
  expect(cli.credentials().t?.username).toBe(admin.username);
});

test("a wrong password, an unreachable server and missing answers fail with their own exit codes", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  const wrong = await cli.run(["login", "t", "-u", admin.username, "--password-stdin"], { input: "not-the-password\n" });
  expect(wrong).toMatchObject({ code: EXIT.notAuthenticated, stderr: expect.stringContaining("The username or password is not correct") });
  expect(cli.credentials().t).toBeUndefined();

  const noUser = await cli.run(["login", "t", "--password-stdin"], { input: `${admin.password}\n` });
  expect(noUser).toMatchObject({ code: EXIT.usage, stderr: "Error: --password-stdin needs -u <username>.\n" });
  const noAnswer = await cli.run(["login", "t", "-u", admin.username]);
  expect(noAnswer).toMatchObject({ code: EXIT.usage, stderr: expect.stringContaining('No answer to "Password:"') });

  await cli.run(["add", "env", "down", "--url", "http://127.0.0.1:9"]);
  const down = await cli.run(["login", "down", "-u", admin.username, "--password-stdin"], { input: `${admin.password}\n` });
  expect(down).toMatchObject({ code: EXIT.failure, stderr: expect.stringContaining("Cannot reach http://127.0.0.1:9") });
});

test("logout revokes the token on the server; a kept copy is refused", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const kept = fs.readFileSync(cli.credentialsFile());
  const logout = await cli.run(["logout", "t"]);
  expect(logout).toMatchObject({ code: 0, stdout: expect.stringContaining('Logged out of "t".') });
  expect(cli.credentials().t).toBeUndefined();
  expect(await cli.run(["get", "users"])).toMatchObject({
    code: EXIT.notAuthenticated,
    stderr: expect.stringContaining('not logged in to "t"'),
  });

  fs.writeFileSync(cli.credentialsFile(), kept);
  const replay = await cli.run(["get", "users"]);
  expect(replay).toMatchObject({ code: EXIT.notAuthenticated, stderr: expect.stringContaining('The server refused your login to "t"') });
  expect(await cli.run(["logout", "t"])).toMatchObject({ code: 0, stdout: expect.stringContaining("already ended that session") });
  expect(await cli.run(["logout", "t"])).toMatchObject({ code: 0, stdout: expect.stringContaining("were not logged in") });
});

test("an expired token is refused, whether the server or the CLI notices first", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  await server.db.session.updateMany({ where: { userId: admin.id, kind: "api" }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const serverSide = await cli.run(["get", "roles"]);
  expect(serverSide).toMatchObject({ code: EXIT.notAuthenticated, stderr: expect.stringContaining("Run: gatehouse login t") });

  await cli.login(admin.username, admin.password);
  const credentials = cli.credentials();
  credentials.t!.token = credentials.t!.token.replace(/^(gh1\.[^.]+\.)\d+/, "$11000000000");
  fs.writeFileSync(cli.credentialsFile(), JSON.stringify(credentials));
  const local = await cli.run(["get", "roles"]);
  expect(local).toMatchObject({
    code: EXIT.notAuthenticated,
    stderr: expect.stringContaining('Your login to "t" expired at 2001-09-09T01:46:40.000Z'),
  });
});

test("a user without the permission is refused, and one on the default password must change it first", async ({ cli, server }) => {
  const viewer = await seedViewer(server.db);
  await cli.login(viewer.username, viewer.password);
  expect(await cli.run(["get", "users", "-p", viewer.username])).toMatchObject({ code: 0 });
  const refused = await cli.run(["add", "role", "viewer_made_this"]);
  expect(refused).toMatchObject({ code: EXIT.forbidden, stderr: expect.stringContaining("You do not have permission to add roles.") });

  // The configured admin account starts on the default password "admin", as in WSO2.
  await cli.login("admin", "admin");
  const blocked = await cli.run(["get", "users"]);
  expect(blocked).toMatchObject({
    code: EXIT.forbidden,
    stderr: "Error: Change the default password before doing anything else. Run: gatehouse update password -e t\n",
  });
  const changed = await cli.run(["update", "password"], { input: "admin\nA-new-admin-password-1\nA-new-admin-password-1\n" });
  expect(changed).toMatchObject({ code: 0, stdout: expect.stringContaining("Your password was changed.") });
  expect(await cli.run(["get", "users", "-p", "admin"])).toMatchObject({ code: 0, stdout: expect.stringContaining("admin") });
});

// Every command that calls the server, with what it needs besides a login.
const API_COMMANDS = [
  ["get", "users"],
  ["get", "users", "someone"],
  ["get", "roles"],
  ["get", "roles", "Internal/creator"],
  ["add", "user", "someone", "--no-admin", "-d", "PRIMARY", "--password", "Cli-test-password-1"],
  ["add", "role", "some_role"],
  ["delete", "user", "someone", "--yes"],
  ["delete", "role", "some_role", "--yes"],
  ["update", "user", "someone", "-a", "Internal/creator"],
  ["update", "password", "someone"],
  ["check", "someone", "/permission/admin/login"],
  ["export", "users"],
];
// Apart, so that each test stays within its time on a loaded machine (every run starts the binary).
const TENANT_COMMANDS = [
  ["get", "tenants"],
  ["get", "tenants", "acme.test"],
  ["add", "tenant", "acme.test", "-u", "boss", "--first-name", "A", "--last-name", "B", "--email", "boss@acme.test", "--password-stdin"],
  ["activate", "tenant", "acme.test"],
  ["deactivate", "tenant", "acme.test"],
  ["delete", "tenant", "acme.test", "--yes"],
];

async function refusedWithoutValidLogin(cli: Cli, server: CliServer, commands: string[][]): Promise<void> {
  const admin = await seedAdmin(server.db);
  const before = await server.db.user.count();
  for (const args of commands) {
    const run = await cli.run(args, { input: "Cli-test-password-1\nCli-test-password-1\n" });
    expect(run, args.join(" ")).toMatchObject({ code: EXIT.notAuthenticated, stderr: expect.stringContaining('not logged in to "t"') });
  }
  await cli.login(admin.username, admin.password);
  await server.db.session.updateMany({ where: { userId: admin.id, kind: "api" }, data: { expiresAt: new Date(Date.now() - 1000) } });
  for (const args of commands) {
    const run = await cli.run(args, { input: "Cli-test-password-1\nCli-test-password-1\n" });
    expect(run, args.join(" ")).toMatchObject({
      code: EXIT.notAuthenticated,
      stderr: expect.stringContaining('The server refused your login to "t"'),
    });
  }
  expect(await server.db.user.count()).toBe(before);
}

test("every API command refuses without a login and with an expired token, changing nothing", async ({ cli, server }) => {
  test.slow(); // 22 runs of the binary
  await refusedWithoutValidLogin(cli, server, API_COMMANDS);
});

test("every tenant command refuses without a login and with an expired token, changing nothing", async ({ cli, server }) => {
  test.slow(); // 12 runs of the binary
  await refusedWithoutValidLogin(cli, server, TENANT_COMMANDS);
  expect(await server.db.tenant.count({ where: { domain: "acme.test" } })).toBe(0);
});
