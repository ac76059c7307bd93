import type { PermissionPath } from "../permissions/tree.ts";
import { APPLICATION, INTERNAL, PRIMARY } from "../core/domains.ts";

export const DEFAULT_STORES = [
  { domain: PRIMARY, kind: "primary", description: "Users and roles in Gatehouse's own database" },
  { domain: INTERNAL, kind: "internal", description: "Internal roles" },
  { domain: APPLICATION, kind: "application", description: "Application roles" },
] as const;

type DefaultRole = { name: string; kind: "everyone" | "system" | "regular"; grants: readonly PermissionPath[] };

const LOGIN = "/permission/admin/login";

/** Internal roles every tenant starts with; grants follow seed 001 (creator, publisher, subscriber). */
export const DEFAULT_INTERNAL_ROLES: readonly DefaultRole[] = [
  { name: "everyone", kind: "everyone", grants: [] },
  { name: "system", kind: "system", grants: [] },
  {
    name: "creator",
    kind: "regular",
    grants: [
      LOGIN,
      "/permission/admin/configure/governance",
      "/permission/admin/manage/api/create",
      "/permission/admin/manage/resources/govern",
    ],
  },
  { name: "publisher", kind: "regular", grants: [LOGIN, "/permission/admin/manage/api/publish"] },
  { name: "subscriber", kind: "regular", grants: [LOGIN, "/permission/admin/manage/api/subscribe"] },
  { name: "analytics", kind: "regular", grants: [LOGIN] },
  { name: "devops", kind: "regular", grants: [LOGIN] },
];

/** The admin role holds the root of the tree, so it holds every permission there is or will be. */
export const ADMIN_ROLE_GRANTS: readonly PermissionPath[] = ["/permission"];
