/**
 * Issue #15's isolation matrix through the SCIM 2.0 routes: tenant A's admin (console cookie) addresses
 * tenant B's users and groups by id, by filter and by search, in Bulk operations and as members. Each
 * answer must be the very answer a nonexistent id or name gets, lists hold none of B's rows, and B is
 * unchanged after every write. testing/isolation-coverage.ts lists the routes this file covers.
 */

import { vi } from "vitest";
import { isolationMatrix, type Call, type Row } from "../testing/isolation-matrix.ts";
import { get, ids, route } from "../testing/isolation-routes.ts";
import { MISSING, type IsolationWorld } from "../testing/isolation-world.ts";
import * as scimBulk from "./scim2/Bulk/route.ts";
import * as scimGroup from "./scim2/Groups/[id]/route.ts";
import * as scimGroups from "./scim2/Groups/route.ts";
import * as scimMe from "./scim2/Me/route.ts";
import * as scimUser from "./scim2/Users/[id]/route.ts";
import * as scimUsers from "./scim2/Users/route.ts";

vi.mock("next/headers", async () => (await import("../testing/route-harness.ts")).nextHeaders);

const SCIM_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const scimFilter = (attribute: string) => (name: string) => `filter=${encodeURIComponent(`${attribute} eq "${name}"`)}`;
const search = (attribute: string) => (name: string) => ({
  schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
  filter: `${attribute} eq "${name}"`,
});

const rows: Row[] = [
  // SCIM 2.0: B's user and role by id, and filters and searches naming B's only user and role.
  ...(
    [
      ["GET app/scim2/Users/[id]/route.ts", scimUser.GET, "Users", (w: IsolationWorld) => w.b.alice.id],
      ["GET app/scim2/Groups/[id]/route.ts", scimGroup.GET, "Groups", (w: IsolationWorld) => w.b.editors.id],
    ] as const
  ).map(([key, handler, kind, b]) => ({
    key,
    call: route(handler, "GET", (id) => `/scim2/${kind}/${id}`, ids),
    b: (w: IsolationWorld) => String(b(w)),
    missing: String(MISSING),
    tenantPath: true,
  })),
  ...(
    [
      ["Users", scimUsers.GET, scimUser.POST, "userName", "bonly", "bzzzz"],
      ["Groups", scimGroups.GET, scimGroup.POST, "displayName", "only-b", "only-z"],
    ] as const
  ).flatMap(([kind, list, post, attribute, b, missing]) => [
    {
      key: `GET app/scim2/${kind}/route.ts`,
      call: route(
        list,
        "GET",
        (name) => `/scim2/${kind}?${scimFilter(attribute)(name)}`,
        () => ({}),
      ),
      b: () => b,
      missing,
      tenantPath: true,
    },
    {
      key: `POST app/scim2/${kind}/[id]/route.ts`,
      call: route(
        post,
        "POST",
        () => `/scim2/${kind}/.search`,
        () => ({ id: ".search" }),
        search(attribute),
      ),
      b: () => b,
      missing,
      tenantPath: true,
    },
  ]),
  {
    key: "DELETE app/scim2/Users/[id]/route.ts",
    call: route(scimUser.DELETE, "DELETE", (id) => `/scim2/Users/${id}`, ids),
    b: (w) => String(w.b.alice.id),
    missing: String(MISSING),
    tenantPath: true,
  },
  ...(
    [
      ["PUT", scimUser.PUT, () => ({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "alice", nickName: "x" })],
      [
        "PATCH",
        scimUser.PATCH,
        () => ({
          schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
          Operations: [{ op: "replace", path: "nickName", value: "x" }],
        }),
      ],
    ] as const
  ).map(([method, handler, body]) => ({
    key: `${method} app/scim2/Users/[id]/route.ts`,
    call: route(handler, method, (id) => `/scim2/Users/${id}`, ids, body),
    b: (w: IsolationWorld) => String(w.b.alice.id),
    missing: String(MISSING),
    tenantPath: true,
  })),
  // SCIM Group writes on B's role, and A's role given B's user as a member: each as a missing id.
  ...(
    [
      ["PUT", scimGroup.PUT, { schemas: [SCIM_GROUP], displayName: "renamed_by_a", members: [] }],
      ["PATCH", scimGroup.PATCH, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "displayName", value: "renamed_by_a" }] }],
      ["DELETE", scimGroup.DELETE, undefined],
    ] as const
  ).map(([method, handler, body]) => ({
    key: `${method} app/scim2/Groups/[id]/route.ts`,
    call: route(handler, method, (id) => `/scim2/Groups/${id}`, ids, body && (() => body)),
    b: (w: IsolationWorld) => String(w.b.editors.id),
    missing: String(MISSING),
    tenantPath: true,
  })),
  {
    key: "PATCH app/scim2/Groups/[id]/route.ts",
    call: ((w, id) =>
      route(
        scimGroup.PATCH,
        "PATCH",
        () => `/scim2/Groups/${w.a.editors.id}`,
        () => ({ id: String(w.a.editors.id) }),
        () => ({ schemas: [PATCH_OP], Operations: [{ op: "add", path: "members", value: [{ value: id }] }] }),
      )(w, id)) as Call,
    b: (w) => String(w.b.alice.id),
    missing: String(MISSING),
  },
  // Bulk: operations naming B's user or role answer as ones naming a missing id, B unchanged.
  ...(
    [
      ["alice", (id: string) => [{ method: "GET", path: `/Users/${id}` }]],
      ["editors", (id: string) => [{ method: "GET", path: `/Groups/${id}?attributes=members` }]],
      ["alice", (id: string) => [{ method: "DELETE", path: `/Users/${id}` }]],
      [
        "alice",
        (id: string) => [
          {
            method: "PATCH",
            path: `/Users/${id}`,
            data: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "nickName", value: "x" }] },
          },
        ],
      ],
      ["editors", (id: string) => [{ method: "DELETE", path: `/Groups/${id}` }]],
      ["editors", (id: string) => [{ method: "PUT", path: `/Groups/${id}`, data: { schemas: [SCIM_GROUP], displayName: "renamed_by_a" } }]],
      [
        "alice",
        (id: string) => [
          { method: "POST", path: "/Groups", data: { schemas: [SCIM_GROUP], displayName: "by_a", members: [{ value: id }] } },
        ],
      ],
    ] as const
  ).map(([b, operations]) => ({
    key: "POST app/scim2/Bulk/route.ts",
    call: route(
      scimBulk.POST,
      "POST",
      () => "/scim2/Bulk",
      () => ({}),
      (id) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], Operations: operations(id) }),
    ),
    b: (w: IsolationWorld) => String(w.b[b].id),
    missing: String(MISSING),
    tenantPath: true,
  })),
  // Creates last: B's names are free in A, and taking them tells nothing of B.
  {
    key: "POST app/scim2/Users/route.ts",
    call: route(
      scimUsers.POST,
      "POST",
      () => "/scim2/Users",
      () => ({}),
      (name) => ({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: name, password: "a perfectly long password" }),
    ),
    b: () => "bonly",
    missing: "bzzzz",
    tenantPath: true,
  },
];

// Creating a group named as B's only role, and with B's user as a member.
const createGroup = (body: (x: string) => unknown) =>
  route(
    scimGroups.POST,
    "POST",
    () => "/scim2/Groups",
    () => ({}),
    body,
  );
rows.push(
  {
    key: "POST app/scim2/Groups/route.ts",
    call: createGroup((name) => ({ schemas: [SCIM_GROUP], displayName: name })),
    b: () => "only-b",
    missing: "only-z",
    tenantPath: true,
  },
  {
    key: "POST app/scim2/Groups/route.ts",
    call: createGroup((id) => ({ schemas: [SCIM_GROUP], displayName: "with_member", members: [{ value: id }] })),
    b: (w) => String(w.b.alice.id),
    missing: String(MISSING),
  },
);

// Lists: what A is shown holds none of B's names (B's only objects and B's domain).
const lists: [string, Call][] = [
  ["GET app/scim2/Users/route.ts", get(scimUsers.GET, "/scim2/Users?count=200")],
  ["GET app/scim2/Groups/route.ts", get(scimGroups.GET, "/scim2/Groups?count=200")],
  ["GET app/scim2/Me/route.ts", get(scimMe.GET, "/scim2/Me")],
];

await isolationMatrix("SCIM isolation (/scim2)", "app/tenant-isolation-scim.test.ts", rows, lists);
