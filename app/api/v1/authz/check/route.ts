import { AUTHZ_CHECK_ROUTE } from "@/lib/authz-check/route-options";
import { checkAccess } from "@/lib/authz-check/check-access";
import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";

/** May this user do that? `{user, permission}` or `{user, scope}` -> `{allowed, reason}`, in the caller's tenant. */
export const POST = defineRoute(AUTHZ_CHECK_ROUTE, async ({ body }, { principal }) => checkAccess(db(), principal.tenantId, body));
