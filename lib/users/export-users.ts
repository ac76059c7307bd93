import { setImmediate } from "node:timers/promises";
import { z } from "zod";
import { csvCell, ZExportFormat } from "../audit/export-audit.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { claimLabels } from "../claims/profile-claims.ts";
import { qualifiedName } from "../core/domains.ts";
import type { Db } from "../db/client.ts";
import { rolesOfUsers } from "../user-stores/roles-of-users.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import type { HeldRole } from "../user-stores/user-store.ts";
import { ZUserListParams } from "./list-params.ts";
import { storeUserPage, userListFilter } from "./list-users.ts";

/**
 * Export users (issue #16): the users list's view (its URL filters and order, read by the list's
 * own query, list-users.ts) with every user's roles and claims, as CSV in WSO2's bulk-import
 * shape or as JSON lines, streamed one keyset batch at a time as the client reads (the audit
 * log's export is the model: export-audit.ts). docs/import-export.md describes the format.
 */

/** The list's filters and order (not its paging), and the file's format. */
export const ZUserExportInput = ZUserListParams.pick({ q: true, domain: true, claim: true, value: true, sort: true, dir: true }).extend({
  format: ZExportFormat,
});
export type TUserExportInput = z.output<typeof ZUserExportInput>;

/**
 * Users per batch: one page query, one roles query and one claims query per batch (the id
 * lists stay within one statement's 1,000 ids, lib/db/raw-read.ts). One batch is all the export
 * ever holds in memory.
 */
export const USERS_EXPORT_BATCH = 1000;

/** The account name claim: the UserName column says it already. */
const USERNAME_CLAIM = "http://wso2.org/claims/username";

export type UserExport = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };
export type UserExportOptions = {
  /** Users per batch (tests use a small one to cross batch boundaries). */
  batch?: number;
  /** Called after each batch is read, with its size: what the tests count. */
  onBatch?: (rows: number) => void;
};

type ExportedUser = { userName: string; roles: string[]; claims: Record<string, string> };

function csvLine(user: ExportedUser, claimUris: readonly string[]): string {
  const cells = [user.userName, "", user.roles.join(":"), ...claimUris.map((uri) => user.claims[uri] ?? "")];
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function jsonLine(user: ExportedUser): string {
  return `${JSON.stringify({ userName: user.userName, roles: user.roles, claims: user.claims })}\n`;
}

/** Internal/everyone as the tenant names it: every user holds it implicitly (no membership row), and WSO2 lists it among a user's roles. */
async function everyoneRole(client: Db, tenantId: number): Promise<string[]> {
  const role = await client.role.findFirst({
    where: { tenantId, kind: "everyone" },
    select: { name: true, store: { select: { domain: true } } },
  });
  return role ? [qualifiedName(role.store.domain, role.name)] : [];
}

/**
 * Starts the export: records `user.exported` (the filter and the format), then returns the file
 * whose body reads the view batch by batch as the client pulls. A database failure mid-stream
 * errors the stream, so the download fails instead of looking complete. Tenant id in every query.
 */
export async function exportUsers(client: Db, actor: Actor, input: TUserExportInput, options: UserExportOptions = {}): Promise<UserExport> {
  const { format, ...view } = input;
  const tenantId = actor.tenantId;
  const batch = options.batch ?? USERS_EXPORT_BATCH;
  const { stores, filter } = await userListFilter(client, tenantId, view);
  const users = await tenantUserStore(client, tenantId, stores);
  const claimUris = (await claimLabels(client, tenantId)).map((c) => c.uri).filter((uri) => uri !== USERNAME_CLAIM);
  const everyone = await everyoneRole(client, tenantId);
  await client.$transaction((tx) =>
    recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "user.exported",
      target: { type: "user", name: "users" },
      after: { format, filter: Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined && v !== "")) },
      ip: actor.ip,
    }),
  );

  const encoder = new TextEncoder();
  let after: string | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === "csv")
        controller.enqueue(encoder.encode(`${["UserName", "Password", "Roles", ...claimUris].map(csvCell).join(",")}\r\n`));
      if (filter === null) controller.close();
    },
    async pull(controller) {
      // SQLite's reads resolve without ever yielding to the event loop: a fast reader would run
      // batch after batch while other requests wait (and V8 finds no idle time to collect).
      await setImmediate();
      const page = await storeUserPage(client, tenantId, users, { ...filter!, sort: view.sort, dir: view.dir, size: batch, after });
      const ids = page.rows.map((r) => r.id);
      const [roles, claims] = await Promise.all([
        ids.length ? rolesOfUsers(client, tenantId, users, ids) : new Map<number, HeldRole[]>(),
        users.claimsOfUsers(client, tenantId, ids),
      ]);
      options.onBatch?.(page.rows.length);
      const lines = page.rows.map((r) => {
        const own = { ...claims.get(r.id) };
        delete own[USERNAME_CLAIM];
        const user: ExportedUser = {
          userName: qualifiedName(r.domain, r.username),
          roles: [...everyone, ...(roles.get(r.id) ?? []).map((h) => qualifiedName(h.domain, h.name))],
          claims: own,
        };
        return format === "csv" ? csvLine(user, claimUris) : jsonLine(user);
      });
      if (lines.length > 0) controller.enqueue(encoder.encode(lines.join("")));
      if (page.next === null) controller.close();
      else after = page.next;
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    filename: `users-${actor.tenantDomain}-${stamp}.${format === "csv" ? "csv" : "jsonl"}`,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    body,
  };
}
