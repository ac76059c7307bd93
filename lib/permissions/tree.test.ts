import { describe, expect, it } from "vitest";
import { FEATURES } from "../authz/features.ts";
import { ALL_PERMISSIONS, isPermissionPath } from "./catalog.ts";
import { PERMISSION_TREE, type PermissionNode } from "./tree.ts";

function walk(node: PermissionNode, visit: (node: PermissionNode, parent?: PermissionNode) => void, parent?: PermissionNode) {
  visit(node, parent);
  for (const child of node.children ?? []) walk(child, visit, node);
}

describe("the permission tree", () => {
  it("nests every path under its parent's path", () => {
    walk(PERMISSION_TREE, (node, parent) => {
      if (parent) expect(node.path.startsWith(`${parent.path}/`), node.path).toBe(true);
    });
  });

  it("has unique paths, each with a name and a description", () => {
    const paths = ALL_PERMISSIONS.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of ALL_PERMISSIONS) {
      expect(p.name, p.path).not.toBe("");
      expect(p.description, p.path).not.toBe("");
    }
  });

  it("holds the nodes WSO2 documents", () => {
    for (const path of [
      "/permission/protected/configure/components",
      "/permission/protected/configure/logging",
      "/permission/protected/manage/modify/tenants",
      "/permission/protected/manage/monitor/tenants",
      "/permission/protected/server-admin",
      "/permission/admin/login",
      "/permission/admin/configure/security/usermgt/users",
      "/permission/admin/configure/security/usermgt/passwords",
      "/permission/admin/configure/security/usermgt/profiles",
      "/permission/admin/configure/governance",
      "/permission/admin/manage/api/create",
      "/permission/admin/manage/api/publish",
      "/permission/admin/manage/api/subscribe",
      "/permission/admin/manage/apim_admin",
      "/permission/admin/manage/resources/browse",
      "/permission/admin/manage/resources/govern",
      "/permission/admin/manage/identity/usermgt/list",
      "/permission/admin/manage/identity/rolemgt/delete",
      "/permission/admin/monitor/logs",
      "/permission/admin/monitor/metrics",
    ]) {
      expect(isPermissionPath(path), path).toBe(true);
    }
  });

  it("backs every console feature with real nodes", () => {
    for (const [feature, { anyOf }] of Object.entries(FEATURES)) {
      for (const path of anyOf) expect(isPermissionPath(path), `${feature}: ${path}`).toBe(true);
    }
  });
});
