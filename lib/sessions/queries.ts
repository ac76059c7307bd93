import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { getConfig } from "../config/current.ts";
import { formatUtc } from "../format.ts";
import { ZPageParams } from "../paging.ts";
import { compactGrants } from "../permissions/paths.ts";
import { listActiveSessions } from "./list-sessions.ts";

// Reads of sessions and of the caller's own, one command each (pages call them through loadPage).

/** The Sessions page: one offset page of the tenant's open sessions, optionally of users whose name starts with `user`. */
export const sessionsPageQuery = defineCommand({
  feature: "sessions.list",
  input: ZPageParams.extend({
    user: z
      .string()
      .transform((s) => s.trim().slice(0, 256))
      .catch(""),
  }),
  rule: "None beyond the feature: every open session of the tenant; the row of the caller's own is marked.",
  run: async (client, principal, params) => {
    const idleMs = getConfig().session.idle_timeout_minutes * 60_000;
    const page = await listActiveSessions(client, principal.tenantId, idleMs, { ...params, user: params.user || undefined });
    const rows = page.rows.map((s) => ({
      id: s.id,
      user: s.user,
      kind: s.kind,
      oauth: s.oauth,
      createdAt: formatUtc(s.createdAt),
      lastSeenAt: formatUtc(s.lastSeenAt),
      expiresAt: formatUtc(s.expiresAt),
      ip: s.ip,
      userAgent: s.userAgent,
      current: s.id === principal.sessionId,
    }));
    return { user: params.user, rows, page: page.page, size: page.size, hasNext: page.hasNext };
  },
});

/** GET /api/v1/me: the caller's name, roles and granted permission nodes, for scripts and health checks. */
export const whoAmIQuery = defineCommand({
  feature: "console.signIn",
  input: z.object({}),
  rule: "Only the caller's own session.",
  run: async (_client, principal) => ({
    username: principal.displayName,
    tenantId: principal.tenantId,
    roles: [...principal.roles.map((r) => r.name), "Internal/everyone"],
    permissions: compactGrants(principal.grants),
  }),
});
