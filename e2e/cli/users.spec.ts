import { EXIT } from "../../lib/cli/exit-codes.ts";
import { expect, test } from "./support/cli.ts";
import { seedUser } from "../../testing/seed.ts";
import { seedAdmin, seedManager, seedViewer, unique } from "./support/people.ts";

const PASSWORD = "Cli-test-password-1";

/** The table's rows after its header, each split into its cells (two spaces or more between columns). */
const cells = (stdout: string) =>
  stdout
    .trimEnd()
    .split("\n")
    .map((line) => line.split(/ {2,}/));

test("add, list, show and delete a user with flags, in tables and JSON", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const name = unique("cli_");
  const added = await cli.run(["add", "user", name, "--no-admin", "-d", "PRIMARY", "--password-stdin", "--format", "json"], {
    input: `${PASSWORD}\n`,
  });
  expect(added.code, added.stderr).toBe(0);
  expect(JSON.parse(added.stdout)).toEqual({ userId: name, status: "Added" });

  const table = await cli.run(["get", "users", "-p", `${name}*`]);
  expect(table.code).toBe(0);
  expect(cells(table.stdout)).toEqual([
    ["USER ID", "DOMAIN", "ROLES"],
    [name, "PRIMARY", "-"],
  ]);
  const detail = await cli.run(["get", "users", name, "--format", "json"]);
  // Internal/everyone is listed among every user's roles, as the MI lists it.
  expect(JSON.parse(detail.stdout)).toEqual({ userId: name, isAdmin: false, roles: ["Internal/everyone"] });
  expect((await cli.run(["get", "users", name])).stdout).toMatch(
    new RegExp(`^User ID\\s+${name}\\nAdmin\\s+no\\nRoles\\s+Internal/everyone\\n$`),
  );
  expect(await cli.run(["get", "users", "-p", "no_such_user_*"])).toMatchObject({
    code: 0,
    stdout: 'No users match: names matching "no_such_user_*".\n',
    stderr: expect.stringContaining("a pattern with * must match the whole name"),
  });

  // The new user can log in with the password given on stdin, once a role grants Login.
  expect(await cli.run(["update", "user", name, "-a", "Internal/creator"])).toMatchObject({ code: 0 });
  const other = await cli.run(["login", "t", "-u", name, "--password-stdin"], { input: `${PASSWORD}\n` });
  expect(other.code).toBe(0);
  await cli.login(admin.username, admin.password);

  const duplicate = await cli.run(["add", "user", name, "--no-admin", "-d", "PRIMARY", "--password-stdin"], { input: `${PASSWORD}\n` });
  expect(duplicate).toMatchObject({ code: EXIT.rejected, stderr: expect.stringContaining("already") });

  const deleted = await cli.run(["delete", "user", name, "--yes"]);
  expect(deleted).toMatchObject({ code: 0, stdout: `User ${name} deleted.\n` });
  expect(await cli.run(["get", "users", name])).toMatchObject({
    code: EXIT.notFound,
    stderr: expect.stringContaining(`User ${name} does not exist.`),
  });
  expect(await cli.run(["delete", "user", name, "--yes"])).toMatchObject({ code: EXIT.notFound });
});

test("add user asks whether the user is an admin, for the password twice and for the user store", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const name = unique("cli_prompted_");
  const run = await cli.interactive(
    ["add", "user", name],
    [
      ["Is this user an admin?", "y"],
      ["Password:", PASSWORD],
      ["Confirm password:", PASSWORD],
      ["User store domain:", ""],
    ],
  );
  expect(run.code, run.stdout).toBe(0);
  expect(run.stdout).toContain(`User ${name} added as an admin.`);
  expect(run.stdout).not.toContain(PASSWORD);
  expect(JSON.parse((await cli.run(["get", "users", name, "--format", "json"])).stdout)).toMatchObject({ userId: name, isAdmin: true });

  // Piped answers, one per line in the order asked; mismatched passwords add nobody.
  const piped = unique("cli_piped_");
  const mismatch = await cli.run(["add", "user", piped], { input: `n\n${PASSWORD}\nsomething-else\nPRIMARY\n` });
  expect(mismatch).toMatchObject({ code: EXIT.usage, stderr: expect.stringContaining("The passwords do not match. Nothing was added.") });
  expect(await cli.run(["get", "users", piped])).toMatchObject({ code: EXIT.notFound });
  expect(await cli.run(["add", "user", piped], { input: `n\n${PASSWORD}\n${PASSWORD}\n\n` })).toMatchObject({ code: 0 });

  const weak = await cli.run(["add", "user", unique("cli_weak_"), "--no-admin", "-d", "PRIMARY", "--password-stdin"], { input: "x\n" });
  expect(weak).toMatchObject({ code: EXIT.rejected, stderr: "Error: password: Use at least 12 characters.\n" });
  const noStore = await cli.run(["add", "user", unique("cli_store_"), "--no-admin", "-d", "NOWHERE", "--password-stdin"], {
    input: `${PASSWORD}\n`,
  });
  expect(noStore).toMatchObject({ code: EXIT.notFound, stderr: expect.stringContaining("NOWHERE") });

  // With --password-stdin the first line is the password, whatever is asked after it.
  const first = unique("cli_first_");
  expect(await cli.run(["add", "user", first, "--password-stdin"], { input: `${PASSWORD}\nn\n\n` })).toMatchObject({ code: 0 });
  expect(JSON.parse((await cli.run(["get", "users", first, "--format", "json"])).stdout)).toMatchObject({ userId: first, isAdmin: false });
});

test("delete asks first: no answer or no deletes nothing, yes deletes", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const name = unique("cli_victim_");
  await cli.run(["add", "user", name, "--no-admin", "-d", "PRIMARY", "--password-stdin"], { input: `${PASSWORD}\n` });

  expect(await cli.run(["delete", "user", name])).toMatchObject({
    code: EXIT.usage,
    stderr: expect.stringContaining("Give it as an option instead"),
  });
  expect(await cli.run(["delete", "user", name], { input: "n\n" })).toMatchObject({
    code: EXIT.usage,
    stderr: expect.stringContaining("nothing was deleted"),
  });
  expect(await cli.run(["get", "users", name])).toMatchObject({ code: 0 });

  const confirmed = await cli.interactive(["delete", "user", name], [[`Delete user ${name}?`, "y"]]);
  expect(confirmed.code, confirmed.stdout).toBe(0);
  expect(await cli.run(["get", "users", name])).toMatchObject({ code: EXIT.notFound });
});

test("update user adds and revokes roles, from options or from the prompts", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const name = unique("cli_roles_");
  await cli.run(["add", "user", name, "--no-admin", "-d", "PRIMARY", "--password-stdin"], { input: `${PASSWORD}\n` });

  const add = await cli.run(["update", "user", name, "-a", "Internal/creator", "Internal/publisher", "--format", "json"]);
  expect(add.code, add.stderr).toBe(0);
  expect(JSON.parse(add.stdout)).toMatchObject({ userId: name, addedRoles: ["Internal/creator", "Internal/publisher"], removedRoles: [] });
  expect(JSON.parse((await cli.run(["get", "users", name, "--format", "json"])).stdout).roles.sort()).toEqual([
    "Internal/creator",
    "Internal/everyone",
    "Internal/publisher",
  ]);

  const prompted = await cli.run(["update", "user", name], { input: "Internal/subscriber\nInternal/creator, Internal/publisher\n" });
  expect(prompted).toMatchObject({
    code: 0,
    stdout: `User ${name}: added Internal/subscriber; revoked Internal/creator, Internal/publisher.\n`,
  });
  expect(JSON.parse((await cli.run(["get", "users", name, "--format", "json"])).stdout).roles).toEqual([
    "Internal/subscriber",
    "Internal/everyone",
  ]);
  expect(cells((await cli.run(["get", "users", "-r", "Internal/subscriber", "-p", name])).stdout)).toEqual([
    ["USER ID", "DOMAIN", "ROLES"],
    [name, "PRIMARY", "Internal/subscriber"],
  ]);

  expect(await cli.run(["update", "user", name], { input: "\n\n" })).toMatchObject({
    code: EXIT.usage,
    stderr: expect.stringContaining("at least one role"),
  });
  const unknown = await cli.run(["update", "user", name, "-a", "no_such_role"]);
  expect(unknown.code).toBe(EXIT.notFound);
  expect(unknown.stderr).toContain("no_such_role");
});

test("the MI's rules hold through the CLI", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  const otherAdmin = await seedAdmin(server.db);
  const manager = await seedManager(server.db);
  await cli.login(manager.username, manager.password);

  // Only the super admin deletes an admin, or resets another admin's password (seed 000).
  const deleteAdmin = await cli.run(["delete", "user", otherAdmin.username, "--yes"]);
  expect(deleteAdmin).toMatchObject({ code: EXIT.forbidden, stderr: expect.stringContaining("Only the super admin") });
  const resetAdmin = await cli.run(["update", "password", otherAdmin.username], { input: `${PASSWORD}\n${PASSWORD}\n` });
  expect(resetAdmin).toMatchObject({ code: EXIT.forbidden, stderr: expect.stringContaining("Only the super admin") });
  // A manager may reset a regular user's password.
  const regular = unique("cli_regular_");
  expect(
    await cli.run(["add", "user", regular, "--no-admin", "-d", "PRIMARY", "--password-stdin"], { input: `${PASSWORD}\n` }),
  ).toMatchObject({ code: 0 });
  expect(await cli.run(["update", "password", regular], { input: "Another-password-2\nAnother-password-2\n" })).toMatchObject({ code: 0 });

  // Nobody deletes themselves; holding the admin role is not enough to delete another admin.
  await cli.login(admin.username, admin.password);
  expect(await cli.run(["delete", "user", admin.username, "--yes"])).toMatchObject({
    code: EXIT.forbidden,
    stderr: expect.stringContaining("You cannot delete your own account."),
  });
  expect(await cli.run(["delete", "user", otherAdmin.username, "--yes"])).toMatchObject({
    code: EXIT.forbidden,
    stderr: expect.stringContaining("Only the super admin"),
  });

  // Internal/everyone is implicit: it can be neither assigned nor removed.
  for (const flag of ["-a", "-r"]) {
    const everyone = await cli.run(["update", "user", regular, flag, "Internal/everyone"]);
    expect(everyone).toMatchObject({ code: EXIT.forbidden, stderr: expect.stringContaining("Internal/everyone") });
  }
  // The admin role cannot be deleted.
  expect(await cli.run(["delete", "role", "admin", "--yes"])).toMatchObject({
    code: EXIT.forbidden,
    stderr: expect.stringContaining("The admin role cannot be"),
  });
});

test("no escalation: a helpdesk user cannot reset or delete a user who holds more than they do", async ({ cli, server }) => {
  const ops = await seedUser(server.db, { grants: ["/permission/admin"] });
  const clerk = await seedViewer(server.db);
  const helpdesk = [
    "/permission/admin/login",
    "/permission/admin/manage/identity/usermgt/view",
    "/permission/admin/manage/identity/usermgt/delete",
    "/permission/admin/manage/identity/identitymgt/update",
  ] as const;
  const hd = await seedUser(server.db, { grants: [...helpdesk, "/permission/admin/manage/identity/rolemgt/view"] });
  await cli.login(hd.username, hd.password);
  const reset = await cli.run(["update", "password", ops.username], { input: `${PASSWORD}\n${PASSWORD}\n` });
  expect(reset).toMatchObject({ code: EXIT.forbidden, stderr: expect.stringContaining(`${ops.username} holds permissions you do not`) });
  expect(await cli.run(["delete", "user", ops.username, "--yes"])).toMatchObject({ code: EXIT.forbidden });
  // The password did not change: ops still signs in with its own.
  await cli.login(ops.username, ops.password);
  // A user who holds no more than the helpdesk user is fair game.
  await cli.login(hd.username, hd.password);
  expect(await cli.run(["update", "password", clerk.username], { input: `${PASSWORD}\n${PASSWORD}\n` })).toMatchObject({ code: 0 });
});

test("a viewer lists users but every change is forbidden", async ({ cli, server }) => {
  const viewer = await seedViewer(server.db);
  const someone = await seedViewer(server.db);
  await cli.login(viewer.username, viewer.password);
  expect(await cli.run(["get", "users", someone.username])).toMatchObject({ code: 0 });
  const attempts = [
    ["add", "user", unique("cli_nope_"), "--no-admin", "-d", "PRIMARY", "--password-stdin"],
    ["delete", "user", someone.username, "--yes"],
    ["update", "user", someone.username, "-a", "Internal/creator"],
    ["update", "password", someone.username],
  ];
  for (const args of attempts) {
    const run = await cli.run(args, { input: `${PASSWORD}\n${PASSWORD}\n` });
    expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(EXIT.forbidden);
  }
  expect(await cli.run(["get", "users", someone.username])).toMatchObject({ code: 0 });
});

test("long lists are followed across pages and a cut list says so", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const prefix = unique("cli_page_");
  for (const n of [1, 2, 3, 4, 5]) {
    expect(
      await cli.run(["add", "user", `${prefix}${n}`, "--no-admin", "-d", "PRIMARY", "--password-stdin"], { input: `${PASSWORD}\n` }),
    ).toMatchObject({ code: 0 });
  }
  const all = await cli.run(["get", "users", "-p", `${prefix}*`, "--page-size", "2", "--format", "json"]);
  expect(JSON.parse(all.stdout)).toEqual({
    count: 5,
    list: [1, 2, 3, 4, 5].map((n) => ({ userId: `${prefix}${n}`, domain: "PRIMARY", roles: [] })),
    truncated: false,
  });
  expect(all.stderr).toBe("");

  const cut = await cli.run(["get", "users", "-p", `${prefix}*`, "--page-size", "2", "--limit", "3"]);
  expect(cut.code).toBe(0);
  expect(cells(cut.stdout).map((row) => row[0])).toEqual(["USER ID", `${prefix}1`, `${prefix}2`, `${prefix}3`]);
  expect(cut.stderr).toContain("Showing the first 3 users; more match.");
  expect(JSON.parse((await cli.run(["get", "users", "-p", `${prefix}*`, "--limit", "3", "--format", "json"])).stdout).truncated).toBe(true);
});

test("hostile names are stored, and shown literally or escaped, never executed by the terminal", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const html = `<b>"o'x"${unique("")}`;
  expect(await cli.run(["add", "user", html, "--no-admin", "-d", "PRIMARY", "--password", PASSWORD])).toMatchObject({ code: 0 });
  expect(JSON.parse((await cli.run(["get", "users", html, "--format", "json"])).stdout).userId).toBe(html);
  expect(cells((await cli.run(["get", "users", "-p", html])).stdout)).toEqual([
    ["USER ID", "DOMAIN", "ROLES"],
    [html, "PRIMARY", "-"],
  ]);

  const unicode = `名前_${unique("ü")}`;
  expect(await cli.run(["add", "role", unicode])).toMatchObject({ code: 0 });
  expect((await cli.run(["get", "roles", "-p", unicode])).stdout).toBe(`ROLE\n${unicode}\n`);

  // A terminal escape sequence in a name is refused, and the refusal does not replay it.
  const escape = `esc\u001b[2J${unique("")}`;
  const added = await cli.run(["add", "role", escape]);
  expect(added.code).toBe(EXIT.rejected);
  expect(added.stdout + added.stderr).not.toContain("\u001b");
  const long = "x".repeat(300);
  expect(await cli.run(["add", "role", long])).toMatchObject({ code: EXIT.rejected });
});

test("-p finds a part of a name, exact names first, with each user's domain and roles; * keeps WSO2's meaning", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const stem = unique("smith");
  for (const name of [`black${stem}`, stem, `${stem}ers`]) {
    expect(await cli.run(["add", "user", name, "--no-admin", "-d", "PRIMARY", "--password", PASSWORD])).toMatchObject({ code: 0 });
  }
  await cli.run(["update", "user", stem, "-a", "Internal/creator"]);
  const found = await cli.run(["get", "users", "-p", stem.toUpperCase()]);
  expect(cells(found.stdout)).toEqual([
    ["USER ID", "DOMAIN", "ROLES"],
    [stem, "PRIMARY", "Internal/creator"],
    [`black${stem}`, "PRIMARY", "-"],
    [`${stem}ers`, "PRIMARY", "-"],
  ]);
  expect(cells((await cli.run(["get", "users", "-p", `${stem}*`])).stdout).map((row) => row[0])).toEqual(["USER ID", stem, `${stem}ers`]);
  // LIKE's own wildcards match literally.
  expect((await cli.run(["get", "users", "-p", `${stem.slice(0, 3)}%`])).stdout).toMatch(/^No users match/);

  const none = await cli.run(["get", "users", "-p", `${stem}zz`, "-d", "PRIMARY"]);
  expect(none).toMatchObject({
    code: 0,
    stdout: `No users match: names containing "${stem}zz", in PRIMARY.\n`,
    stderr: expect.stringContaining("-p matches names that contain the text anywhere"),
  });
  expect((await cli.run(["get", "roles", "-p", "reato"])).stdout).toContain("Internal/creator");
  expect(await cli.run(["get", "roles", "-p", "no_such_role_zz"])).toMatchObject({
    stdout: 'No roles match: names containing "no_such_role_zz".\n',
    stderr: expect.stringMatching(/^Hint: /),
  });
});

test("add user refuses a password outside the server's policy as soon as it is typed", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const name = unique("cli_short_");
  const run = await cli.interactive(
    ["add", "user", name],
    [
      ["Is this user an admin?", "n"],
      ["Password:", "short"],
    ],
  );
  expect(run.code).toBe(EXIT.rejected);
  expect(run.stdout).toContain("Error: password: Use at least 12 characters.");
  expect(run.stdout).not.toContain("Confirm password:");
  expect(run.stdout).not.toContain("User store domain:");
  expect(await cli.run(["get", "users", name])).toMatchObject({ code: EXIT.notFound });
  // --password is checked before any question.
  expect(await cli.run(["add", "user", name, "--password", "short"])).toMatchObject({
    code: EXIT.rejected,
    stdout: "",
    stderr: "Error: password: Use at least 12 characters.\n",
  });
  // A usage error reads "Error:" like every other failure.
  expect(await cli.run(["add", "user", name, "--bogus"])).toMatchObject({
    code: EXIT.usage,
    stderr: expect.stringMatching(/^Error: unknown option/),
  });
});
