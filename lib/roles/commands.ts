import { defineCommand } from "../authz/command.ts";
import { createRole, ZCreateRole } from "./create-role.ts";
import { deleteRole, ZDeleteRole } from "./delete-role.ts";
import { getRole } from "./get-role.ts";
import { previewMemberChange, previewPermissionChange } from "./preview-role-change.ts";
import { renameRole, ZRenameRole } from "./rename-role.ts";
import { cleanPermissions } from "./role-input.ts";
import { setRoleMembers, ZSetRoleMembers } from "./set-role-members.ts";
import { setRolePermissions, ZSetRolePermissions } from "./set-role-permissions.ts";

// Every write on roles, one command each (lib/authz/command.ts). Transports expose them
// through lib/transport/command-action.ts and command-route.ts; the reads are in queries.ts.

const HOLDS_ALL = "the actor holds every permission the role carries";

export const createRoleCommand = defineCommand({
  feature: "roles.create",
  input: ZCreateRole,
  rule:
    "The store is writable (an external store's group is made in its directory), and the actor holds " +
    "every permission it grants the new role.",
  run: createRole,
});

export const deleteRoleCommand = defineCommand({
  feature: "roles.delete",
  input: ZDeleteRole,
  rule:
    `Never the admin role, Internal/everyone or a read-only store's role (an external store's group goes from its ` +
    `directory); ${HOLDS_ALL}.`,
  run: deleteRole,
});

export const renameRoleCommand = defineCommand({
  feature: "roles.update",
  input: ZRenameRole,
  rule:
    `Never the admin role, Internal/everyone or a read-only store's role (an external store's group is renamed in its ` +
    `directory); ${HOLDS_ALL}.`,
  run: renameRole,
});

export const setRolePermissionsCommand = defineCommand({
  feature: "roles.update",
  input: ZSetRolePermissions,
  rule: `Never the admin role, Internal/everyone or a read-only store's role; ${HOLDS_ALL} and every permission it grants.`,
  run: setRolePermissions,
});

export const previewRolePermissionsCommand = defineCommand({
  feature: "roles.update",
  input: ZSetRolePermissions,
  rule: "None: a preview reads how many members would gain or lose each permission.",
  run: async (client, principal, input) => {
    const role = await getRole(client, principal.tenantId, input.id);
    return previewPermissionChange(client, role.id, role.grants, cleanPermissions(principal, input.permissions));
  },
});

export const setRoleMembersCommand = defineCommand({
  feature: "roles.update",
  input: ZSetRoleMembers,
  rule: `Only holders of the admin role change its members, and the admin account never leaves it; otherwise ${HOLDS_ALL}.`,
  run: setRoleMembers,
});

export const previewRoleMembersCommand = defineCommand({
  feature: "roles.update",
  input: ZSetRoleMembers,
  rule: "None: a preview reads how many added or removed users would gain or lose each permission.",
  run: async (client, principal, input) => {
    const role = await getRole(client, principal.tenantId, input.id);
    return previewMemberChange(client, principal.tenantId, role.id, role.grants, input);
  },
});
