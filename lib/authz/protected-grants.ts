import { AppError } from "../errors.ts";
import { isProtectedPermission, PROTECTED_ROOT } from "../permissions/tenant-tree.ts";
import type { Principal } from "./principal.ts";

/**
 * Whether a grant of `path` counts for this principal. Super Admin Permissions count in the
 * super tenant only: a tenant's admin role holds "/permission" (the root, which covers them),
 * and that must not make a tenant's admin a super admin.
 */
export function countsFor(principal: Pick<Principal, "superTenant">, path: string): boolean {
  return principal.superTenant || !isProtectedPermission(path);
}

/**
 * The one check every writer of role grants runs (role create, permission save, their previews,
 * and every API over them): outside the super tenant a Super Admin Permission is refused as bad
 * input (400), whoever asks. The root "/permission" stays grantable; it is no protected node.
 */
export function assertGrantableInTenant(principal: Pick<Principal, "superTenant">, paths: readonly string[]): void {
  if (principal.superTenant) return;
  const refused = paths.find(isProtectedPermission);
  if (refused === undefined) return;
  throw new AppError(
    "INVALID_INPUT",
    `${refused} cannot be granted in this tenant: Super Admin Permissions (${PROTECTED_ROOT}) exist only in the super tenant.`,
    { field: "permissions" },
  );
}
