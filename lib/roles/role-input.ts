import { z } from "zod";
import { ZFormId } from "../db/row-id.ts";
import { formList } from "../forms.ts";
import { AppError } from "../errors.ts";
import { assertGrantableInTenant } from "../authz/protected-grants.ts";
import type { Principal } from "../authz/principal.ts";
import { isPermissionPath } from "../permissions/catalog.ts";
import { compactGrants } from "../permissions/paths.ts";
import { roleNameSchema } from "../stores/name-rules.ts";
import type { StoreRow } from "../stores/list-stores.ts";
import { firstIssue } from "../core/zod-issues.ts";

export const ZPermissionList = formList(z.string().max(300), 500);
export const ZUserIdList = formList(ZFormId, 10_000);
export const ZVersion = ZFormId;

/**
 * Known tree paths of the actor's tenant only (no Super Admin Permissions outside the super
 * tenant), compacted: a grant already covered by its parent is dropped. Every grant writer
 * and preview goes through here.
 */
export function cleanPermissions(actor: Pick<Principal, "superTenant">, paths: readonly string[]): string[] {
  const unknown = paths.filter((p) => !isPermissionPath(p));
  if (unknown.length > 0) throw new AppError("INVALID_INPUT", `Unknown permission: ${unknown[0]}`);
  assertGrantableInTenant(actor, paths);
  return compactGrants(paths);
}

const RESERVED_INTERNAL = /^(everyone|system(_.*)?)$/i;

/** A role name valid for its store: the store's pattern, no "/", and not one of WSO2's reserved internal names. */
export function cleanRoleName(store: StoreRow, name: string): string {
  const parsed = roleNameSchema(store).safeParse(name);
  if (!parsed.success) throw new AppError("INVALID_INPUT", firstIssue(parsed.error).message, { field: "name" });
  if (store.kind === "internal" && RESERVED_INTERNAL.test(parsed.data)) {
    throw new AppError("INVALID_INPUT", `Internal/${parsed.data} is reserved.`, { field: "name" });
  }
  return parsed.data;
}
