import type { Db, Tx } from "../db/client.ts";
import type { Actor } from "../authz/principal.ts";
import { roleRuleBlocker } from "../authz/role-rules.ts";
import { APPLICATION, INTERNAL, nameKey, sameDomain, splitQualifiedName } from "../core/domains.ts";
import { findMalformedText } from "../http/well-formed.ts";
import { claimValueError, type ClaimRule } from "../claims/profile-rules.ts";
import { findRolesByName } from "../roles/find-role.ts";
import { getRoles, type RoleSummary } from "../roles/get-role.ts";
import { nameSkeleton } from "../stores/look-alike.ts";
import { usernameSchema } from "../stores/name-rules.ts";
import type { StoreRow } from "../stores/list-stores.ts";
import type { BulkImporter, NameConflict } from "../user-stores/user-store.ts";
import { firstIssue } from "../core/zod-issues.ts";
import { stagePassword, type StagedPassword } from "./import-password.ts";
import type { FileRow } from "./read-import-file.ts";

export type RowPlan = "create" | "update" | "skip" | "invalid";

/** What a staged row carries to the apply step (ImportRow.data). */
export type RowData = { name: string; password: StagedPassword; roleIds: number[]; claims: Record<string, string>; userId?: number };

export type PlannedRow = { line: number; username: string; plan: RowPlan; message: string; column: string; data: RowData | null };

export type OnExisting = "skip" | "update";

/**
 * What the preview knows across batches: the names seen so far in the file (a second row for one
 * user, or one that looks like it, is invalid), the roles resolved by name, the claims' rules.
 */
export type PlanContext = {
  tenantId: number;
  store: StoreRow;
  actor: Actor;
  onExisting: OnExisting;
  importer: BulkImporter;
  rules: Map<string, ClaimRule>;
  seenKeys: Map<string, number>;
  seenSkeletons: Map<string, number>;
  roles: Map<string, RoleSummary | string>;
  passwordPolicy: (password: string) => string | null;
  /** The store's username rules, compiled once for the whole file. */
  usernames: ReturnType<typeof usernameSchema>;
  /** An LDAP or JDBC store: the claims it maps to attributes; it needs every new user's password in clear. */
  directory?: { domain: string; claims: ReadonlySet<string> };
};

const invalid = (row: FileRow, column: string, message: string): PlannedRow => ({
  line: row.line,
  username: row.username.slice(0, 255),
  plan: "invalid",
  message,
  column,
  data: null,
});

/** The name within the target store: a DOMAIN/ prefix must name that store (WSO2 silently moves it; Gatehouse says so). */
function nameInStore(row: FileRow, store: StoreRow, usernames: PlanContext["usernames"]): { name: string } | { error: string } {
  const { domain, name } = splitQualifiedName(row.username.trim());
  if (row.username.includes("/") && !sameDomain(domain, store.domain)) {
    return { error: `${row.username} names the ${domain} store; this import writes to ${store.domain}.` };
  }
  const parsed = usernames.safeParse(name);
  return parsed.success ? { name: parsed.data } : { error: firstIssue(parsed.error).message };
}

/** Resolves the batch's role names once per job; a name maps to the role or to why it cannot be given. */
async function resolveRoles(client: Db | Tx, ctx: PlanContext, names: string[]): Promise<void> {
  const wanted = [...new Set(names)].filter((n) => !ctx.roles.has(n));
  if (wanted.length === 0) return;
  const found = await findRolesByName(client, ctx.tenantId, wanted);
  const facts = new Map((await getRoles(client, ctx.tenantId, [...new Set([...found.values()].map((r) => r.id))])).map((r) => [r.id, r]));
  for (const name of wanted) {
    const role = found.get(name);
    const summary = role && facts.get(role.id);
    if (!summary) {
      ctx.roles.set(name, `No role named ${name}.`);
      continue;
    }
    const hybrid = sameDomain(summary.domain, INTERNAL) || sameDomain(summary.domain, APPLICATION);
    if (!hybrid && !sameDomain(summary.domain, ctx.store.domain)) {
      ctx.roles.set(name, `${summary.qualified} is a role of another store; ${ctx.store.domain} users hold its own and Internal roles.`);
      continue;
    }
    // Every user holds Internal/everyone already (WSO2's import lists it too): nothing to give.
    ctx.roles.set(name, summary.kind === "everyone" ? summary : (roleRuleBlocker(ctx.actor, summary, "assignUsers") ?? summary));
  }
}

function claimProblem(ctx: PlanContext, row: FileRow, creating: boolean): { column: string; message: string } | null {
  for (const [uri, value] of Object.entries(row.claims)) {
    const rule = ctx.rules.get(uri);
    if (!rule) return { column: uri, message: `${uri} cannot be imported: Gatehouse keeps it itself.` };
    if (ctx.directory && !ctx.directory.claims.has(uri) && (value.trim() !== "" || !creating))
      return {
        column: uri,
        message: `${uri} has no attribute in the ${ctx.directory.domain} store (Settings › Claims), so it cannot be kept.`,
      };
    const error = claimValueError(rule, value.trim());
    if (error) return { column: uri, message: error };
  }
  if (!creating) return null;
  const missing = [...ctx.rules.values()].find((r) => r.required && !(row.claims[r.uri] ?? "").trim());
  return missing ? { column: missing.uri, message: `${missing.displayName} is required.` } : null;
}

/** Plans one batch of the file's rows against the tenant as it is now (the apply step checks again). */
export async function planBatch(client: Db | Tx, ctx: PlanContext, rows: FileRow[]): Promise<PlannedRow[]> {
  const named = rows.map((row) => ({ row, name: row.problem ? null : nameInStore(row, ctx.store, ctx.usernames) }));
  const names = named.flatMap((n) => (n.name && "name" in n.name ? [n.name.name] : []));
  const existing = await ctx.importer.conflicts(client, ctx.tenantId, ctx.store.id, names);
  const byKey = new Map(existing.map((u) => [u.usernameKey, u]));
  const bySkeleton = new Map<string, NameConflict>(existing.map((u) => [u.usernameSkeleton, u]));
  await resolveRoles(
    client,
    ctx,
    rows.flatMap((r) => r.roles),
  );
  return named.map(({ row, name }) => planRow(ctx, row, name, byKey, bySkeleton));
}

function planRow(
  ctx: PlanContext,
  row: FileRow,
  name: { name: string } | { error: string } | null,
  byKey: Map<string, NameConflict>,
  bySkeleton: Map<string, NameConflict>,
): PlannedRow {
  if (row.problem) return invalid(row, row.problem.column, row.problem.message);
  if (!name || "error" in name) return invalid(row, "UserName", name?.error ?? "");
  const malformed = findMalformedText({ password: row.password, roles: row.roles, claims: row.claims });
  if (malformed !== null) return invalid(row, malformed, "Contains a control character (NUL) or broken Unicode.");
  const key = nameKey(name.name);
  const skeleton = nameSkeleton(name.name);
  const earlier = ctx.seenKeys.get(key) ?? ctx.seenSkeletons.get(skeleton);
  if (earlier !== undefined) return invalid(row, "UserName", `The same user as line ${earlier}, or one that looks like it.`);
  ctx.seenKeys.set(key, row.line);
  ctx.seenSkeletons.set(skeleton, row.line);

  const same = byKey.get(key);
  const lookalike = same ? undefined : bySkeleton.get(skeleton);
  if (lookalike) return invalid(row, "UserName", `"${name.name}" looks like the existing user "${lookalike.username}".`);
  if (same && ctx.onExisting === "skip") return { ...invalid(row, "", `${same.username} already exists.`), plan: "skip" };

  const roleIds: number[] = [];
  for (const roleName of row.roles) {
    const role = ctx.roles.get(roleName);
    if (typeof role === "string") return invalid(row, "Roles", role);
    if (role && role.kind !== "everyone") roleIds.push(role.id);
  }
  const claims = claimProblem(ctx, row, !same);
  if (claims) return invalid(row, claims.column, claims.message);
  const values = Object.fromEntries(Object.entries(row.claims).map(([uri, v]) => [uri, v.trim()]));

  if (same) {
    const message = row.password ? "The password is left as it is." : "";
    const data = { name: name.name, password: { kind: "none" as const }, roleIds, claims: values, userId: same.id };
    return { line: row.line, username: row.username, plan: "update", message, column: "", data };
  }
  const password = stagePassword(row.password, ctx.passwordPolicy);
  if ("error" in password) return invalid(row, "Password", password.error);
  const refused = ctx.directory && directoryPasswordProblem(ctx.directory.domain, password);
  if (refused) return invalid(row, "Password", refused);
  const message = password.kind === "none" ? "No password: the user must be given one before signing in." : "";
  return {
    line: row.line,
    username: row.username,
    plan: "create",
    message,
    column: "",
    data: { name: name.name, password, roleIds, claims: values },
  };
}

/** A directory hashes passwords itself, as Add User gives them: it takes neither none nor another system's hash. */
function directoryPasswordProblem(domain: string, password: StagedPassword): string | null {
  if (password.kind === "none") return `The ${domain} directory needs a password for each new user.`;
  if (password.kind === "hash") return `The ${domain} directory hashes passwords itself: give this user's password in clear, not a hash.`;
  return null;
}
