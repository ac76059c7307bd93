import { describe, expect, it } from "vitest";
import { explainPermission } from "./effective-permissions.ts";
import { permissionLabel } from "../permissions/labels.ts";

const DELETE_USERS = "/permission/admin/manage/identity/usermgt/delete";

describe("the can-do answer", () => {
  it("is a sentence naming the action, the node's place and the role", () => {
    const answer = explainPermission("alice", [{ qualified: "ops", grants: [DELETE_USERS] }], DELETE_USERS);
    expect(answer.reason).toBe(
      "alice can delete users (Admin Permissions › Manage › Identity › User Management › Delete) through role ops.",
    );
  });

  it("names the grant above the node when that is what gives it", () => {
    const answer = explainPermission("bob", [{ qualified: "admins", grants: ["/permission/admin"] }], DELETE_USERS);
    expect(answer.allowed).toBe(true);
    expect(answer.reason).toMatch(
      /^bob can delete users \(.*\) through role admins, which grants Admin Permissions and everything below it\.$/,
    );
  });

  it("says cannot, and which roles were looked at", () => {
    const answer = explainPermission("carol", [{ qualified: "viewers", grants: ["/permission/admin/login"] }], "/permission/protected");
    expect(answer).toMatchObject({ allowed: false, grantedBy: [] });
    expect(answer.reason).toBe(
      "carol cannot use the super-tenant functions (Super Admin Permissions): none of their roles (viewers) " +
        "grants it or anything above it.",
    );
  });
});

describe("permission labels", () => {
  it("tell repeated names apart by the fewest ancestors, and leave unique names alone", () => {
    expect(permissionLabel("/permission/admin/manage/identity/usermgt/view")).toBe("View (User Management)");
    expect(permissionLabel("/permission/admin/manage/identity/rolemgt/view")).toBe("View (Role Management)");
    expect(permissionLabel("/permission/admin/manage/identity/usermgt")).toBe("User Management (Identity)");
    expect(permissionLabel("/permission/admin/configure/security/usermgt/users")).toBe("User Management (Identity Management)");
    expect(permissionLabel("/permission/admin/monitor/logs")).toBe("Logs");
  });
});
