import crypto from "node:crypto";
import type { Db } from "../../../lib/db/client.ts";
import type { PermissionPath } from "../../../lib/permissions/tree.ts";
import { seedUser } from "../../../testing/seed.ts";

export const unique = (prefix: string) => `${prefix}${crypto.randomBytes(4).toString("hex")}`;

const LOGIN: PermissionPath = "/permission/admin/login";
const VIEW: PermissionPath[] = [LOGIN, "/permission/admin/manage/identity/usermgt/view", "/permission/admin/manage/identity/rolemgt/view"];
const MANAGE: PermissionPath[] = [
  ...VIEW,
  "/permission/admin/manage/identity/usermgt/create",
  "/permission/admin/manage/identity/usermgt/update",
  "/permission/admin/manage/identity/usermgt/delete",
  "/permission/admin/manage/identity/identitymgt/update",
  "/permission/admin/manage/identity/rolemgt/create",
  "/permission/admin/manage/identity/rolemgt/delete",
];

/** A holder of the admin role. */
export const seedAdmin = (db: Db) => seedUser(db, { admin: true });
/** May manage users and roles, but does not hold the admin role. */
export const seedManager = (db: Db) => seedUser(db, { grants: MANAGE });
/** May only look. */
export const seedViewer = (db: Db) => seedUser(db, { grants: VIEW });
/** May sign in and nothing else. */
export const seedNobody = (db: Db) => seedUser(db, { grants: [LOGIN] });
