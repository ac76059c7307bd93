import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { databaseKinds } from "../../testing/databases.ts";
import { basic, mgmtCall, mgmtLogin, mgmtRequest, mgmtWorld, type MgmtWorld } from "../../testing/management-client.ts";
import { seedUser, TEST_PASSWORD } from "../../testing/seed.ts";
import { createSession } from "../../lib/sessions/create-session.ts";
import { terminateSession } from "../../lib/sessions/terminate-session.ts";
import { bulkDeleteUsers } from "../../lib/users/bulk-delete-users.ts";
import { deleteUser } from "../../lib/users/delete-user.ts";
import { getUser } from "../../lib/users/get-user.ts";
import { resetUserPassword } from "../../lib/users/reset-user-password.ts";
import { updateUserClaims, type TUpdateUserClaims } from "../../lib/users/update-user-claims.ts";
import { POST as login } from "./login/route.ts";
import * as userRoute from "./users/[userId]/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const EMAIL = "http://wso2.org/claims/emailaddress";
const NEW_PASSWORD = "a takeover passphrase";
// The example: a helpdesk user may reset passwords and view users, nothing more.
const HELPDESK = [
  "/permission/admin/login",
  "/permission/admin/manage/identity/usermgt/view",
  "/permission/admin/manage/identity/usermgt/update",
  "/permission/admin/manage/identity/usermgt/delete",
  "/permission/admin/manage/identity/identitymgt/update",
] as const;

describe.each(await databaseKinds())("no escalation through account actions on %s", (kind) => {
  let w: MgmtWorld;
  let hd: { id: number; username: string; token: string };
  let ops: { id: number; username: string };
  let clerk: { id: number; username: string };

  beforeAll(async () => {
    w = await mgmtWorld(kind);
    // ops holds a custom (non-admin-kind) role granting the whole /permission/admin subtree.
    ops = await seedUser(w.t.db, { grants: ["/permission/admin"] });
    clerk = await seedUser(w.t.db, { grants: ["/permission/admin/login", "/permission/admin/manage/identity/usermgt/view"] });
    const seeded = await seedUser(w.t.db, { grants: HELPDESK });
    hd = { ...seeded, token: await mgmtLogin(seeded.username, seeded.password) };
  });
  afterAll(() => w.t.drop());

  const patch = (token: string, userId: string) =>
    mgmtCall(
      userRoute.PATCH,
      "/users/{userId}",
      mgmtRequest("PATCH", `/users/${userId}`, { token, body: { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } }),
      { userId },
    );
  const remove = (token: string, userId: string) =>
    mgmtCall(userRoute.DELETE, "/users/{userId}", mgmtRequest("DELETE", `/users/${userId}`, { token }), { userId });
  const canLogIn = async (username: string, password: string) =>
    (await login(mgmtRequest("POST", "/login", { headers: { authorization: basic(username, password) } }))).status === 200;

  it("PATCH /management/users/{more privileged} is refused, names what the actor lacks, and the password stays", async () => {
    const answer = await patch(hd.token, ops.username);
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { Error: string }).Error).toMatch(new RegExp(`^${ops.username} holds permissions you do not: `));
    expect(await canLogIn(ops.username, NEW_PASSWORD)).toBe(false);
    expect(await canLogIn(ops.username, TEST_PASSWORD)).toBe(true);
  });

  it("DELETE /management/users/{more privileged} is refused and the user stays", async () => {
    expect((await remove(hd.token, ops.username)).status).toBe(403);
    expect(await w.t.db.user.count({ where: { id: ops.id } })).toBe(1);
  });

  it("the writes behind the console refuse too: password, profile, delete, bulk delete, ending sessions", async () => {
    const actor = await actorFor(w.t.db, hd.id);
    const target = await getUser(w.t.db, w.tenantId, ops.id);
    const base = { id: ops.id, version: target.version };
    await expect(resetUserPassword(w.t.db, actor, { ...base, password: NEW_PASSWORD, requireChange: false })).rejects.toThrow(
      /holds permissions you do not/,
    );
    const claims = { ...base, [EMAIL]: "taken@example.com" } as TUpdateUserClaims;
    await expect(updateUserClaims(w.t.db, actor, claims)).rejects.toThrow(/holds permissions you do not/);
    await expect(deleteUser(w.t.db, actor, base)).rejects.toThrow(/holds permissions you do not/);
    const summary = await bulkDeleteUsers(w.t.db, actor, [ops.id]);
    expect(summary.succeeded).toBe(0);
    expect(summary.skipped[0]!.reason).toMatch(/holds permissions you do not/);

    const session = await w.t.db.$transaction((tx) =>
      createSession(tx, { tenantId: w.tenantId, userId: ops.id, kind: "console", lifetimeMs: 3_600_000 }),
    );
    await expect(terminateSession(w.t.db, actor, session.id)).rejects.toThrow(/holds permissions you do not/);
    expect((await w.t.db.session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).toBeNull();
    expect(await w.t.db.user.count({ where: { id: ops.id } })).toBe(1);
  });

  it("a target whose permissions are a subset of the actor's is allowed", async () => {
    expect((await patch(hd.token, clerk.username)).status).toBe(200);
    expect(await canLogIn(clerk.username, NEW_PASSWORD)).toBe(true);
    const actor = await actorFor(w.t.db, hd.id);
    const session = await w.t.db.$transaction((tx) =>
      createSession(tx, { tenantId: w.tenantId, userId: clerk.id, kind: "console", lifetimeMs: 3_600_000 }),
    );
    await expect(terminateSession(w.t.db, actor, session.id)).resolves.toEqual({ user: clerk.username });
    expect((await remove(hd.token, clerk.username)).status).toBe(200);
  });

  it("admin-role holders pass", async () => {
    expect((await patch(w.admin.token, ops.username)).status).toBe(200);
  });
});
