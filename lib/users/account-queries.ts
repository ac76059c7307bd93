import "server-only";
import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { can } from "../authz/decide.ts";
import { listTargetEvents } from "../audit/list-target-events.ts";
import { getConfig } from "../config/current.ts";
import { ZFormId } from "../db/row-id.ts";
import { formatUtc } from "../format.ts";
import { ZPageParams } from "../paging.ts";
import { listActiveSessions } from "../sessions/list-sessions.ts";
import { getUser } from "./get-user.ts";
import { assertSeesUsers, userSummary, userTabs } from "./user-tabs.ts";

// The user page's Sessions and Events tabs, one query each (app/(console)/users/[id]/*).

const ZUserRef = z.object({ id: ZFormId });
const ZCursor = z.string().max(256).optional().catch(undefined);

/** Sessions: the user's open sessions, most recently active first; Terminate where the actor may end them. */
export const userSessionsPageQuery = defineCommand({
  feature: "sessions.list",
  input: ZUserRef.merge(ZPageParams),
  rule: "The actor also lists users. Terminate is offered with sessions.revoke; the write checks no escalation.",
  run: async (client, principal, input) => {
    assertSeesUsers(principal);
    const user = await getUser(client, principal.tenantId, input.id);
    const idleMs = getConfig().session.idle_timeout_minutes * 60_000;
    const page = await listActiveSessions(client, principal.tenantId, idleMs, { ...input, userId: user.id });
    const rows = page.rows.map((s) => ({
      ...s,
      createdAt: formatUtc(s.createdAt),
      lastSeenAt: formatUtc(s.lastSeenAt),
      expiresAt: formatUtc(s.expiresAt),
      current: s.id === principal.sessionId,
    }));
    return {
      user: userSummary(user),
      tabs: userTabs(principal),
      rows,
      paging: { kind: "offset" as const, page: page.page, size: page.size, hasNext: page.hasNext },
      canTerminate: can(principal, "sessions.revoke"),
    };
  },
});

/** Events: the audit events whose target is this user, newest first, by keyset (lib/audit/list-target-events.ts). */
export const userEventsPageQuery = defineCommand({
  feature: "audit.read",
  input: ZUserRef.extend({ after: ZCursor, before: ZCursor }),
  rule: "The actor also lists users.",
  run: async (client, principal, input) => {
    assertSeesUsers(principal);
    const user = await getUser(client, principal.tenantId, input.id);
    const page = await listTargetEvents(client, principal.tenantId, {
      targetType: "user",
      targetId: String(user.id),
      size: 25,
      after: input.after,
      before: input.before,
    });
    const rows = page.rows.map((e) => ({ ...e, id: String(e.id), at: formatUtc(e.at) }));
    return {
      user: userSummary(user),
      tabs: userTabs(principal),
      rows,
      paging: { kind: "keyset" as const, next: page.next, prev: page.prev, shown: rows.length },
    };
  },
});
